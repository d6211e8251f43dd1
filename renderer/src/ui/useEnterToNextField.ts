// A form filled by keyboard alone, as on paper: Enter moves to the next field, Ctrl+Enter saves.
import { useCallback, useRef, type KeyboardEvent } from 'react'

export interface EnterToNextFieldOptions {
  /**
   * Enter in the form's last field saves, as the next line of a paper form would be its end (a text area
   * there makes a new line with Shift+Enter). Otherwise Enter in a text area makes a new line.
   */
  submitOnLastField?: boolean
}

/**
 * The form's onKeyDown. Enter that confirms a Chinese input method's candidate is left to it; Enter in a
 * drop-down picks its option (and Tab in an open one moves on, as the clerk meant); Ctrl+Enter (⌘+Enter) saves
 * from anywhere in the form.
 */
export function useEnterToNextField(submit: () => void, { submitOnLastField = false }: EnterToNextFieldOptions = {}) {
  // The latest submit, without giving the form a new handler on every render.
  const latest = useRef(submit)
  latest.current = submit

  return useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      const form = event.currentTarget
      const target = event.target as HTMLElement
      const inDropdown = !!target.closest('.ant-select')
      // Tab in an open drop-down: it takes the highlighted option and keeps the focus (it cancels the Tab);
      // move on as the clerk meant, so "xf Tab" picks 幸福村 and goes to the next field.
      if (event.key === 'Tab' && event.defaultPrevented && inDropdown) {
        const stops = tabStops(form)
        const at = stops.indexOf(target)
        if (at >= 0) stops[at + (event.shiftKey ? -1 : 1)]?.focus()
        return
      }
      if (event.key !== 'Enter' || event.nativeEvent.isComposing || event.keyCode === 229) return
      if (event.ctrlKey || event.metaKey) {
        event.preventDefault()
        latest.current()
        return
      }
      if (inDropdown) return
      const isTextArea = target.tagName === 'TEXTAREA'
      if (!isTextArea && target.tagName !== 'INPUT') return
      const fields = fieldStops(form)
      const at = fields.indexOf(target)
      const last = at >= 0 && at === fields.length - 1
      if (isTextArea) {
        if (submitOnLastField && last && !event.shiftKey) {
          event.preventDefault()
          latest.current()
        }
        return
      }
      event.preventDefault()
      if (submitOnLastField && last) latest.current()
      else if (at >= 0) fields[at + 1]?.focus()
    },
    [submitOnLastField],
  )
}

/** Shown, enabled and not skipped by Tab; of a radio group, only the checked one (Tab stops there once). */
const reachable = (el: HTMLElement) => {
  const input = el as HTMLInputElement
  return (
    el.tabIndex >= 0 &&
    !input.disabled &&
    input.type !== 'hidden' &&
    !(input.type === 'radio' && !input.checked) &&
    el.getClientRects().length > 0
  )
}

/** Where Tab goes in the form, in order. */
const tabStops = (form: HTMLElement) =>
  Array.from(form.querySelectorAll<HTMLElement>('input, textarea, button, a[href], [tabindex]')).filter(reachable)

/** Where Enter goes: the fields only (an "add a party" or remove button is not the next line of the form). */
const fieldStops = (form: HTMLElement) =>
  Array.from(form.querySelectorAll<HTMLElement>('input, textarea')).filter(reachable)
