// Facts on screen are buttons: clicking one opens its evidence (see evidence.ts).
import type { SlotView, ValueView } from './api.js';
import { h } from './dom.js';

export function factButton(fact: string, text: string, cls = '', title?: string): HTMLButtonElement {
  return h('button', { type: 'button', class: `fact ${cls}`.trim(), 'data-fact': fact, 'data-label': text, title: title ?? 'Show the source sentence' }, text);
}

/** A single-valued slot; a disputed one gets a mark and its rival values (each clickable). */
export function slotView<T>(s: SlotView<T> | undefined, format: (v: T) => string, cls = ''): HTMLElement | null {
  if (!s) return null;
  const text = format(s.value);
  const main = factButton(s.fact, text, cls, `${s.sources} source${s.sources === 1 ? '' : 's'}: show the sentence`);
  if (!s.disputed) {
    return s.inferred ? h('span', { class: 'slot' }, main, h('span', { class: 'inferred', title: 'No source states this; inferred from neighbouring rounds' }, ' (inferred)')) : main;
  }
  const others = (s.alternatives ?? []).filter((a) => a.fact !== s.fact);
  const otherText = others.map((a) => `${format(a.value)} (${a.sources})`).join(', ');
  return h('span', { class: 'slot disputed-slot' },
    main,
    h('span', { class: 'disputed', title: `Sources disagree. Also given: ${otherText}`, role: 'img', 'aria-label': `disputed; other sources say ${otherText}` }, '⚠'),
    others.length > 0 ? h('span', { class: 'alternatives' }, ' also ',
      others.map((a, i) => [i > 0 ? ', ' : '', factButton(a.fact, format(a.value), 'alt', `${a.sources} source${a.sources === 1 ? '' : 's'} say this`)])) : null);
}

export function valueButtons<T>(vs: readonly ValueView<T>[], format: (v: T) => string, cls = 'chip'): HTMLElement[] {
  return vs.map((v) => factButton(v.fact, format(v.value), cls, `${v.sources} source${v.sources === 1 ? '' : 's'}: show the sentence`));
}
