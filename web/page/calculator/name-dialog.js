// The dialog that names a saved scenario (Save and Rename; its markup is in index.html).
// A name already in use is never overwritten silently: the dialog asks whether to replace
// that scenario or keep both, the new one then taking the next free "Name (2)".
const $ = (id) => document.getElementById(id);

/**
 * Opens the dialog with `name` filled in. alternative(name) is null when no other saved
 * scenario has that name, else the free name "keep both" would use. `action` labels the
 * confirm button; words is the page's t. Resolves to { name, replace } (replace: overwrite the scenario of that
 * name), or null when cancelled.
 */
export function askName({ title, action, name, alternative, words }) {
  const dialog = $('name-dialog');
  const input = $('name-input');
  const clash = $('name-clash');
  const confirm = $('name-confirm');
  const choices = [$('name-keep'), $('name-replace')];
  const done = new AbortController();
  const { signal } = done;

  function showClash(shown, taken = '') {
    clash.hidden = !shown;
    confirm.hidden = shown;
    for (const button of choices) button.hidden = !shown;
    if (shown) clash.textContent = words('compare.clash', { taken, alternative: alternative(taken) });
  }

  $('name-title').textContent = title;
  confirm.textContent = action;
  input.value = name;
  showClash(false);
  return new Promise((resolve) => {
    const finish = (result) => {
      done.abort();
      resolve(result);
      if (dialog.open) dialog.close();
    };
    input.addEventListener('input', () => showClash(false), { signal });
    $('name-cancel').addEventListener('click', () => finish(null), { signal });
    dialog.addEventListener('close', () => finish(null), { signal }); // Escape
    dialog.querySelector('form').addEventListener('submit', (event) => {
      event.preventDefault();
      const chosen = input.value.trim();
      if (!chosen) return input.focus();
      // Enter in the field submits with the first submit button, "Keep both": the safe choice.
      if (!clash.hidden) return finish(event.submitter?.value === 'replace' ? { name: chosen, replace: true } : { name: alternative(chosen), replace: false });
      if (alternative(chosen) === null) return finish({ name: chosen, replace: false });
      showClash(true, chosen);
      choices[0].focus();
    }, { signal });
    dialog.showModal();
    input.select();
  });
}
