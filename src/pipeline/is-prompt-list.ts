import type { List, ListItem, PhrasingContent } from 'mdast';
import { toString } from 'mdast-util-to-string';

/**
 * A list of prompts to fill in, not tasks: every item is only an italic
 * phrase (`- _What was difficult_`), after a bold label at most
 * (`1. **Date:** _Insight description_`), with no box, link or sub-list.
 * Templates and logs write their note slots so.
 */
export function isPromptList(list: List): boolean {
  return list.children.length > 0 && list.children.every(isPrompt);
}

function isPrompt(item: ListItem): boolean {
  if (item.checked === true || item.checked === false) return false;
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || rest.length > 0) return false;
  const parts = first.children.filter((node) => !(node.type === 'text' && node.value.trim() === ''));
  const [label, ...prompt] = parts[0]?.type === 'strong' ? parts : [null, ...parts];
  return (
    (label === null || isPlain(label)) &&
    prompt.length === 1 &&
    prompt[0]!.type === 'emphasis' &&
    isPlain(prompt[0]!) &&
    toString(prompt[0]!).trim() !== ''
  );
}

/** Phrasing without links or images: words a template asks to replace. */
function isPlain(node: PhrasingContent): boolean {
  if (node.type === 'link' || node.type === 'image' || node.type === 'linkReference' || node.type === 'imageReference') return false;
  return 'children' in node ? node.children.every(isPlain) : true;
}
