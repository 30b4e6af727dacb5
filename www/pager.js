// A list that grows page by page: the first page is rendered at once, the next ones when the
// "show more" button scrolls into view or is pressed. A huge paste thus never puts hundreds of
// thousands of nodes in the DOM, and no task renders more than one page.
import { fmt } from './dom.js';

export class Pager {
  /**
   * `list`: the element to fill; `more`: its "show more" button; `noun`: what an item is
   * ("lines"); `fetchPage(from, count)` resolves to { items, total } or null (stale);
   * `renderItem(item)` returns an element.
   */
  constructor({ list, more, noun, fetchPage, renderItem, pageSize = 150 }) {
    Object.assign(this, { list, more, noun, fetchPage, renderItem, pageSize });
    this.generation = 0;
    this.loading = null;
    more.addEventListener('click', () => this.loadMore());
    if ('IntersectionObserver' in window) {
      new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting) && !more.hidden) this.loadMore();
      }, { rootMargin: '400px' }).observe(more);
    }
  }

  /** Shows `items` (the first page) of `total`. */
  start(items, total) {
    this.generation += 1;
    this.loading = null;
    this.total = total;
    this.count = 0;
    this.list.replaceChildren();
    this.append(items);
  }

  /** Empties the list. */
  clear() {
    this.start([], 0);
  }

  append(items) {
    const fragment = document.createDocumentFragment();
    for (const item of items) fragment.append(this.renderItem(item));
    this.list.append(fragment);
    this.count += items.length;
    const left = this.total - this.count;
    this.list.dataset.rendered = left > 0 ? 'partial' : 'all';
    this.more.hidden = left <= 0;
    this.more.textContent = `Show ${fmt(Math.min(left, this.pageSize))} more of ${fmt(left)} ${this.noun}`;
  }

  /** Loads the next page; resolves once it is in the DOM (or the list was restarted). */
  loadMore() {
    if (this.loading) return this.loading;
    if (this.count >= this.total) return Promise.resolve();
    const generation = this.generation;
    this.loading = this.fetchPage(this.count, this.pageSize)
      .then((page) => {
        if (page && generation === this.generation) this.append(page.items);
      })
      .finally(() => {
        if (generation === this.generation) this.loading = null;
      });
    return this.loading;
  }

  /** Loads pages until `done(lastRenderedElement)` is true or everything is in; for highlights. */
  async loadUntil(done) {
    while (this.count < this.total && !done(this.list.lastElementChild)) {
      const generation = this.generation;
      await this.loadMore();
      if (generation !== this.generation) return;
    }
  }
}

