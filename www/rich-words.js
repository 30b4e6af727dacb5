// Data: the vocabularies of rich.js. The order of the CLASS_GROUPS keys and of LANDMARK_TAGS is the
// bit order of the hint masks, shared with src/clean/hints.rs (a test compares): a model change.

/** Class/id/itemprop words (split at non-alphanumerics and camelCase humps, lowercased) → group. */
export const CLASS_GROUPS = {
  comment: ['comment', 'comments', 'disqus', 'respond', 'reply', 'replies', 'discussion'],
  share: ['share', 'sharing', 'social', 'sharebar', 'facebook', 'twitter', 'whatsapp', 'follow'],
  related: ['related', 'recommended', 'recommendations', 'recirc', 'popular', 'trending', 'more', 'readmore', 'next', 'teaser', 'teasers', 'outbrain', 'taboola', 'most'],
  footer: ['footer', 'foot', 'copyright', 'legal', 'colophon'],
  sidebar: ['sidebar', 'side', 'aside', 'widget', 'widgets', 'rail'],
  menu: ['menu', 'nav', 'navbar', 'navigation', 'breadcrumb', 'breadcrumbs', 'masthead', 'header', 'topbar', 'skip'],
  promo: ['promo', 'ad', 'ads', 'advert', 'advertisement', 'adslot', 'sponsor', 'sponsored', 'banner', 'dfp', 'paywall', 'subscribe', 'subscription', 'cookie', 'consent', 'modal', 'popup', 'gdpr'],
  newsletter: ['newsletter', 'signup', 'optin', 'email'],
  caption: ['caption', 'figcaption', 'credit', 'credits', 'photo', 'image', 'img', 'media', 'gallery', 'video'],
  byline: ['byline', 'author', 'authors', 'writer', 'contributor', 'bio'],
  date: ['date', 'time', 'timestamp', 'published', 'updated', 'dateline', 'meta'],
  tag: ['tag', 'tags', 'topic', 'topics', 'keyword', 'keywords', 'category', 'categories', 'label'],
  title: ['headline', 'title', 'heading', 'hed'],
  lead: ['dek', 'standfirst', 'summary', 'intro', 'lede', 'subtitle', 'description', 'excerpt'],
  content: ['article', 'content', 'body', 'story', 'post', 'entry', 'text', 'prose', 'main', 'articlebody', 'paragraph', 'copy'],
};

/** ARIA landmark roles → the landmark element they stand for. */
export const ROLE_LANDMARKS = {
  navigation: 'nav',
  banner: 'header',
  contentinfo: 'footer',
  complementary: 'aside',
  main: 'main',
  article: 'article',
  search: 'form',
  form: 'form',
};

/** Ancestor elements that are hints. */
export const LANDMARK_TAGS = ['nav', 'header', 'footer', 'aside', 'article', 'main', 'form', 'figure', 'li', 'table', 'blockquote', 'time', 'section'];
