/* The "Staying safe online" note: the quick exit's spoken countdown in the page's language (the exit
 * itself is js/head.js, which waits for nothing), and keeping searches out of the browser's history. */
import { setPrivateHistory } from './routes.js';
import { $, state } from './state.js';

/** Puts the texts the quick exit announces in the page's language; call after every language change. */
export function applySafetyTexts() {
  const exit = $('quick-exit');
  exit.setAttribute('data-two-more', state.tx.t('exitPressTwoMore'));
  exit.setAttribute('data-one-more', state.tx.t('exitPressOneMore'));
  $('private-history').checked = state.privateHistory;
}

export function initSafety() {
  $('private-history').addEventListener('change', (event) => setPrivateHistory(event.target.checked));
  // The note lies over the page: Escape or a click elsewhere closes it.
  const note = $('safety');
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && note.open) {
      note.open = false;
      note.querySelector('summary').focus();
    }
  });
  document.addEventListener('click', (event) => {
    if (note.open && !note.contains(event.target)) note.open = false;
  });
}
