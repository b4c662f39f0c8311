/** Every word a template prints, by key. */
export interface Labels {
  week: string;
  weeks: string;
  ongoing: string;
  unscheduled: string;
  phase: string;
  phases: string;
  unitWeek: string;
  unitWeeks: string;
  item: string;
  items: string;
  done: string;
  due: string;
  page: string;
  of: string;
  contents: string;
  generatedBy: string;
  /** `Week {week}`: one week, `{week}` is replaced by its number. */
  weekPattern: string;
  /** `Weeks {start}–{end}`: a range of weeks. */
  weekRangePattern: string;
}

/** The label keys, for validation and suggestions. */
export const labelKeys = [
  'week',
  'weeks',
  'ongoing',
  'unscheduled',
  'phase',
  'phases',
  'unitWeek',
  'unitWeeks',
  'item',
  'items',
  'done',
  'due',
  'page',
  'of',
  'contents',
  'generatedBy',
  'weekPattern',
  'weekRangePattern',
] as const satisfies readonly (keyof Labels)[];

/**
 * Config `labels`: label keys with strings apply to every roadmap
 * (`{"due": "Deadline"}`); a language tag with an object applies to roadmaps
 * in that language (`{"es": {"due": "Entrega"}}`).
 */
export type LabelOverrides = { [key: string]: string | Partial<Labels> };

/** The built-in label table: one entry per language (primary subtag). */
export const labelTable: Readonly<Record<string, Labels>> = {
  en: {
    week: 'Week',
    weeks: 'Weeks',
    ongoing: 'Ongoing',
    unscheduled: 'Unscheduled',
    phase: 'phase',
    phases: 'phases',
    unitWeek: 'week',
    unitWeeks: 'weeks',
    item: 'item',
    items: 'items',
    done: 'done',
    due: 'Due',
    page: 'Page',
    of: 'of',
    contents: 'Contents',
    generatedBy: 'Made with roadmap-press',
    weekPattern: 'Week {week}',
    weekRangePattern: 'Weeks {start}–{end}',
  },
  es: {
    week: 'Semana',
    weeks: 'Semanas',
    ongoing: 'Continuo',
    unscheduled: 'Sin fecha',
    phase: 'fase',
    phases: 'fases',
    unitWeek: 'semana',
    unitWeeks: 'semanas',
    item: 'tarea',
    items: 'tareas',
    done: 'hechas',
    due: 'Para el',
    page: 'Página',
    of: 'de',
    contents: 'Contenido',
    generatedBy: 'Hecho con roadmap-press',
    weekPattern: 'Semana {week}',
    weekRangePattern: 'Semanas {start}–{end}',
  },
  pt: {
    week: 'Semana',
    weeks: 'Semanas',
    ongoing: 'Contínuo',
    unscheduled: 'Sem data',
    phase: 'fase',
    phases: 'fases',
    unitWeek: 'semana',
    unitWeeks: 'semanas',
    item: 'tarefa',
    items: 'tarefas',
    done: 'feitas',
    due: 'Prazo',
    page: 'Página',
    of: 'de',
    contents: 'Conteúdo',
    generatedBy: 'Feito com roadmap-press',
    weekPattern: 'Semana {week}',
    weekRangePattern: 'Semanas {start}–{end}',
  },
  fr: {
    week: 'Semaine',
    weeks: 'Semaines',
    ongoing: 'En continu',
    unscheduled: 'Non planifié',
    phase: 'phase',
    phases: 'phases',
    unitWeek: 'semaine',
    unitWeeks: 'semaines',
    item: 'élément',
    items: 'éléments',
    done: 'faits',
    due: 'Pour le',
    page: 'Page',
    of: 'sur',
    contents: 'Sommaire',
    generatedBy: 'Réalisé avec roadmap-press',
    weekPattern: 'Semaine {week}',
    weekRangePattern: 'Semaines {start}–{end}',
  },
  de: {
    week: 'Woche',
    weeks: 'Wochen',
    ongoing: 'Laufend',
    unscheduled: 'Ohne Termin',
    phase: 'Phase',
    phases: 'Phasen',
    unitWeek: 'Woche',
    unitWeeks: 'Wochen',
    item: 'Punkt',
    items: 'Punkte',
    done: 'erledigt',
    due: 'Fällig',
    page: 'Seite',
    of: 'von',
    contents: 'Inhalt',
    generatedBy: 'Erstellt mit roadmap-press',
    weekPattern: 'Woche {week}',
    weekRangePattern: 'Wochen {start}–{end}',
  },
  ru: {
    week: 'Неделя',
    weeks: 'Недели',
    ongoing: 'Постоянно',
    unscheduled: 'Без даты',
    phase: 'этап',
    phases: 'этапов',
    unitWeek: 'неделя',
    unitWeeks: 'недель',
    item: 'пункт',
    items: 'пунктов',
    done: 'выполнено',
    due: 'Срок',
    page: 'Страница',
    of: 'из',
    contents: 'Содержание',
    generatedBy: 'Сделано с roadmap-press',
    weekPattern: 'Неделя {week}',
    weekRangePattern: 'Недели {start}–{end}',
  },
  zh: {
    week: '周',
    weeks: '周',
    ongoing: '持续',
    unscheduled: '未排期',
    phase: '个阶段',
    phases: '个阶段',
    unitWeek: '周',
    unitWeeks: '周',
    item: '项',
    items: '项',
    done: '已完成',
    due: '截止',
    page: '页',
    of: '/',
    contents: '目录',
    generatedBy: '由 roadmap-press 生成',
    weekPattern: '第{week}周',
    weekRangePattern: '第{start}–{end}周',
  },
  ja: {
    week: '週',
    weeks: '週',
    ongoing: '継続',
    unscheduled: '日程未定',
    phase: 'フェーズ',
    phases: 'フェーズ',
    unitWeek: '週',
    unitWeeks: '週',
    item: '項目',
    items: '項目',
    done: '完了',
    due: '期限',
    page: 'ページ',
    of: '/',
    contents: '目次',
    generatedBy: 'roadmap-press で作成',
    weekPattern: '第{week}週',
    weekRangePattern: '第{start}–{end}週',
  },
  ko: {
    week: '주',
    weeks: '주',
    ongoing: '상시',
    unscheduled: '일정 없음',
    phase: '단계',
    phases: '단계',
    unitWeek: '주',
    unitWeeks: '주',
    item: '항목',
    items: '항목',
    done: '완료',
    due: '마감',
    page: '페이지',
    of: '/',
    contents: '목차',
    generatedBy: 'roadmap-press로 제작',
    weekPattern: '{week}주차',
    weekRangePattern: '{start}–{end}주차',
  },
  tr: {
    week: 'Hafta',
    weeks: 'Haftalar',
    ongoing: 'Sürekli',
    unscheduled: 'Tarihsiz',
    phase: 'aşama',
    phases: 'aşama',
    unitWeek: 'hafta',
    unitWeeks: 'hafta',
    item: 'madde',
    items: 'madde',
    done: 'tamamlandı',
    due: 'Son tarih',
    page: 'Sayfa',
    of: '/',
    contents: 'İçindekiler',
    generatedBy: 'roadmap-press ile yapıldı',
    weekPattern: '{week}. Hafta',
    weekRangePattern: '{start}–{end}. Haftalar',
  },
  it: {
    week: 'Settimana',
    weeks: 'Settimane',
    ongoing: 'Continuo',
    unscheduled: 'Senza data',
    phase: 'fase',
    phases: 'fasi',
    unitWeek: 'settimana',
    unitWeeks: 'settimane',
    item: 'attività',
    items: 'attività',
    done: 'fatte',
    due: 'Entro il',
    page: 'Pagina',
    of: 'di',
    contents: 'Indice',
    generatedBy: 'Realizzato con roadmap-press',
    weekPattern: 'Settimana {week}',
    weekRangePattern: 'Settimane {start}–{end}',
  },
};

/**
 * The labels for a roadmap in `lang`: the table's entry for the language
 * (`pt-BR` → `pt`, unknown → `en`), then the config's overrides for every
 * language, then those for the primary language, then for the exact tag.
 */
export function resolveLabels(lang: string, overrides: LabelOverrides = {}): Labels {
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  const labels: Labels = { ...(labelTable[primary] ?? labelTable.en!) };
  const apply = (words: Partial<Labels> | undefined) => {
    for (const key of labelKeys) {
      const word = words?.[key];
      if (typeof word === 'string') labels[key] = word;
    }
  };
  apply(Object.fromEntries(Object.entries(overrides).filter(([, value]) => typeof value === 'string')) as Partial<Labels>);
  for (const [tag, words] of Object.entries(overrides)) {
    if (typeof words === 'object' && tag.toLowerCase() === primary) apply(words);
  }
  for (const [tag, words] of Object.entries(overrides)) {
    if (typeof words === 'object' && tag.toLowerCase() === lang.toLowerCase() && tag.toLowerCase() !== primary) apply(words);
  }
  return labels;
}

/** `Week 3` / `Weeks 1–3` in the labels' language. */
export function formatWeeks(labels: Labels, start: number, end = start): string {
  return start === end
    ? labels.weekPattern.replaceAll('{week}', String(start))
    : labels.weekRangePattern.replaceAll('{start}', String(start)).replaceAll('{end}', String(end));
}
