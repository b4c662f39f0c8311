/** `Each lesson contains:`, `Every module includes:`, `Cada lección incluye:`, `Her bir ders şunları içermektedir:`, `每节课包含：`. */
const describesParts = new RegExp(
  [
    String.raw`(?<![\p{L}])(?:each|every)(?![\p{L}]).*(?<![\p{L}])(?:contains?|includes?|consists? of|comes with|has)(?![\p{L}])`,
    String.raw`(?<![\p{L}])cada(?![\p{L}]).*(?<![\p{L}])(?:contiene|incluye|contém|inclui|tiene|tem)(?![\p{L}])`,
    String.raw`(?<![\p{L}])chaque(?![\p{L}]).*(?<![\p{L}])(?:contient|comprend|inclut)(?![\p{L}])`,
    String.raw`(?<![\p{L}])jede[rsnm]?(?![\p{L}]).*(?<![\p{L}])(?:enthält|umfasst|beinhaltet)(?![\p{L}])`,
    String.raw`(?<![\p{L}])ogni(?![\p{L}]).*(?<![\p{L}])(?:contiene|include|comprende)(?![\p{L}])`,
    String.raw`(?<![\p{L}])her(?![\p{L}]).*(?<![\p{L}])içer\p{L}*`,
    String.raw`(?<![\p{L}])кажд\p{L}*.*(?<![\p{L}])(?:содержит|включает)(?![\p{L}])`,
    '每.*(?:包含|包括|含有)',
    '各.*(?:含ま|含む)',
    String.raw`각\s.*포함`,
  ].join('|'),
  'iu',
);

/** `How to use this space`, `How to use this repo`, `Cómo usar esta guía`, `使い方`: instructions for the document itself. */
const howToUse =
  /^[^\p{L}]*(?:how to use(?: this| the)?(?![\p{L}])|usage$|c[óo]mo usar|como usar|comment utiliser|come usare|wie (?:man )?(?:diese[ns]? )?\p{L}* (?:benutzt|verwendet)|nasıl kullanılır|как (?:использовать|пользоваться)|如何使用|使用方法|使い方|사용 방법|사용법)/iu;

/**
 * A heading or label line that introduces a description or instructions,
 * not tasks: what each part contains (`Each lesson contains:`), or how to use
 * the document itself (`How to use this space`). The list right under it
 * says how the roadmap works; a learner ticks nothing there.
 */
export function isGuidanceLabel(label: string): boolean {
  const text = label.trim();
  return (text.endsWith(':') || text.endsWith('：')) && describesParts.test(text) ? true : howToUse.test(text);
}
