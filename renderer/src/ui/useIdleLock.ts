import { useEffect, useRef } from 'react'

// Calls `onIdle` once nobody has pressed a key, clicked, moved the mouse, scrolled or touched the screen
// for `idleMs`. One timer, moved on only when it fires: a mouse moving does not reset a timer per event.

const ACTIVITY = ['keydown', 'input', 'pointerdown', 'pointermove', 'wheel', 'touchstart', 'scroll'] as const

export function useIdleLock(idleMs: number, onIdle: () => void, enabled: boolean): void {
  const latest = useRef(onIdle)
  latest.current = onIdle

  useEffect(() => {
    if (!enabled || !(idleMs > 0)) return
    let last = Date.now()
    let timer: ReturnType<typeof setTimeout>
    const check = () => {
      const idle = Date.now() - last
      if (idle >= idleMs) latest.current()
      else timer = setTimeout(check, idleMs - idle)
    }
    const active = () => {
      last = Date.now()
    }
    timer = setTimeout(check, idleMs)
    // Capture: a screen that stops an event's propagation is still being used.
    for (const type of ACTIVITY) window.addEventListener(type, active, { capture: true, passive: true })
    return () => {
      clearTimeout(timer)
      for (const type of ACTIVITY) window.removeEventListener(type, active, { capture: true })
    }
  }, [idleMs, enabled])
}
