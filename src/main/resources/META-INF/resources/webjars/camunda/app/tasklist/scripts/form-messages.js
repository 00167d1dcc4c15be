/*
 * Camunda Forms (form-js) writes its own validation messages in English only, whatever the browser's
 * language. Loaded by Tasklist as a custom script (config.js, customScripts), this module puts the
 * Chinese in front of each of them as they appear: "必填项 Field is required." It exports nothing.
 */
const MESSAGES = [
  [/^Field is required\.$/, () => '必填项'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `不能小于 ${m[1]}`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `不能大于 ${m[1]}`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `至少 ${m[1]} 个字符`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `最多 ${m[1]} 个字符`],
  [/^Field must match pattern (.+)\.$/, () => '格式不符'],
  [/^Field must be a valid email\.$/, () => '须为有效的电子邮件地址'],
  [/^Nothing to show\.$/, () => '无'],
];
const HAN = /\p{Script=Han}/u;

/** The message with its Chinese in front, or null when it is not one of form-js's or is translated already. */
export function translate(text) {
  const english = text.trim();
  if (!english || HAN.test(english)) {
    return null;
  }
  for (const [pattern, chinese] of MESSAGES) {
    const match = english.match(pattern);
    if (match) {
      return `${chinese(match)} ${english}`;
    }
  }
  return null;
}

function translateWithin(root) {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (parent && parent.closest('.fjs-container')) {
      const translated = translate(node.nodeValue);
      if (translated) {
        node.nodeValue = translated;
      }
    }
  }
}

if (typeof document !== 'undefined' && typeof MutationObserver !== 'undefined') {
  new MutationObserver((mutations) => {
    for (const mutation of mutations) {
      if (mutation.type === 'characterData') {
        translateWithin(mutation.target.parentNode || document.body);
      }
      mutation.addedNodes.forEach((node) => {
        if (node.nodeType === Node.TEXT_NODE) {
          translateWithin(node.parentNode || document.body);
        } else if (node.nodeType === Node.ELEMENT_NODE) {
          translateWithin(node);
        }
      });
    }
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
}
