import type { List, ListItem, Table } from 'mdast';
import { toString } from 'mdast-util-to-string';

/** Headings and labels of a legend: `Legend`, `Key:`, `Leyenda`, `Légende`, `Обозначения`, `图例`, `凡例`, `범례`. */
const legendLabel =
  /^\s*(?:legend|key|status key|leyenda|legenda|l[ée]gende|zeichenerkl[äa]rung|обозначения|условные обозначения|图例|圖例|凡例|범례|açıklama)\s*:?\s*$/iu;
/** `✅ = done`, `[x] : completed`, `🚧 - in progress`: a marker explained by a few words. */
const legendEntry = /^\s*(?:\[[^\]]{0,3}\]|[^\p{L}\p{N}\s]{1,3})\s*(?:=|:|-|–|—|→|means)\s*\S.{0,40}$/u;

/** A list that only points into the document itself (`- [Phase 1](#phase-1)`, nested too): a table of contents. */
export function isTableOfContents(list: List): boolean {
  return list.children.length > 0 && list.children.every(isAnchorItem);
}

function isAnchorItem(item: ListItem): boolean {
  return item.children.every((child) => {
    if (child.type === 'list') return isTableOfContents(child);
    if (child.type !== 'paragraph') return false;
    const links = child.children.filter((node) => node.type === 'link');
    const rest = child.children.filter((node) => node.type !== 'link' && toString(node).trim() !== '');
    return links.length === 1 && rest.length === 0 && links[0]!.type === 'link' && links[0]!.url.startsWith('#');
  });
}

/** A list explaining the markers the roadmap uses, after a `Legend` label, or made only of `✅ = done` entries. */
export function isLegend(list: List, label: string | null): boolean {
  if (label !== null && legendLabel.test(label)) return true;
  return (
    list.children.length >= 2 &&
    list.children.every((item) => !item.children.some((c) => c.type === 'list') && legendEntry.test(toString(item)))
  );
}

/** `Contents`, `Table of Contents`, `Índice`, `Sommaire`, `Inhalt`, `Содержание`, `目录`: a heading that names a table of contents. */
export const contentsHeading =
  /^\s*(?:(?:table of )?contents|toc|index|[íi]ndice|[íi]ndice de contenidos|contenido|conte[úu]do|sum[áa]rio|sommaire|table des mati[èe]res|inhalt|inhaltsverzeichnis|содержание|оглавление|目录|目錄|目次|목차|i̇çindekiler|içindekiler|indice|sommario)\s*:?\s*$/iu;

/** A table whose links all point into the document (a grid of `[Day 3](#3)` cells) and that says nothing else: navigation. */
export function isNavigationTable(table: Table): boolean {
  let anchors = 0;
  for (const row of table.children.slice(1)) {
    for (const cell of row.children) {
      for (const node of cell.children) {
        if (node.type === 'link') {
          if (!node.url.startsWith('#')) return false;
          anchors += 1;
        }
      }
    }
  }
  return anchors > 0 && anchors * 2 >= table.children.length - 1;
}
