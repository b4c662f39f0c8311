import { describe, expect, it } from 'vitest';
import { isLookBack, isPhaseHeading } from '../src/pipeline/classify-heading.js';

describe('isPhaseHeading', () => {
  it.each([
    'Phase 1: Fundamentals (Weeks 1-3)',
    'Stage 2 — SQL',
    'Part III: Advanced',
    'Module A',
    'Step one: install',
    '1. Step two',
    'Month 3',
    'Basics (Weeks 1-2)',
    'Advanced Backend Topics (Ongoing)',
    'Week 5: Traits',
    'Fase 2: Bases de datos',
    'Etapa 3 — Projeto',
    'Étape 1 : Les bases',
    'Stufe 2: Vertiefung',
    'Этап 1: Основы',
    'Модуль 4',
    '第一阶段：基础',
    '阶段 2：进阶',
    'Semanas 1 a 3',
    'Недели 3-4',
    '第1-2周',
    'Mes 2',
    'Práctica (continuo)',
  ])('takes %j for a phase', (text) => {
    expect(isPhaseHeading(text)).toBe(true);
  });

  it.each([
    'Practical Learning Tips',
    'Modules and Crates',
    'Steps to take next',
    'Part CLI tools',
    'Always Be Learning',
    'Resources',
    'Web 2.0',
    'Recursos',
    'Conseils pratiques',
    'Ressourcen',
    'Полезные ссылки',
    '学习资源',
    'Week 1 Summary',
    'Month 2 recap',
    '第1周总结',
  ])('takes %j for a section', (text) => {
    expect(isPhaseHeading(text)).toBe(false);
  });
});

describe('isLookBack', () => {
  it.each(['Week 1 Summary', 'Week 3 retrospective', 'Month 2 recap', 'Semana 2 resumen', '第1周总结'])(
    'takes %j for a look back',
    (text) => {
      expect(isLookBack(text)).toBe(true);
    },
  );

  it.each(['Week 1: Summary statistics', 'Week 4 - Review', 'Weeks 1-2', 'Summary', 'Phase 1: Report writing (Weeks 3-4)'])(
    'takes %j for no look back',
    (text) => {
      expect(isLookBack(text)).toBe(false);
    },
  );
});
