import { KeyboardSensor, type KeyboardSensorOptions, type SensorInstance, type SensorProps } from '@dnd-kit/core'

type Coordinates = { x: number; y: number }

const END = ['Space', 'Enter', 'Tab']

/**
 * dnd-kit's keyboard sensor without its scrolling step. `KeyboardSensor` scrolls the page instead of
 * moving the row whenever the next place lies past the middle of the window, and relies on the scroll
 * to carry the row there; in the composer's long board a card stepping down onto the next section's
 * heading stayed "where it was". This one moves the row straight to where the coordinate getter says
 * (the rows' measured places do not change during a keyboard move), with the same keys: Space, Enter or
 * Tab drop it, Escape puts it back. Activation (Space or Enter on the handle) is dnd-kit's own.
 */
export class RowKeyboardSensor implements SensorInstance {
  static activators = KeyboardSensor.activators
  autoScrollEnabled = false
  private origin: Coordinates | undefined
  private readonly doc: Document

  constructor(private readonly props: SensorProps<KeyboardSensorOptions>) {
    this.doc = (props.event.target as Node | null)?.ownerDocument ?? document
    this.onKeyDown = this.onKeyDown.bind(this)
    this.onCancel = this.onCancel.bind(this)
    props.onStart({ x: 0, y: 0 })
    // After the key that started the drag has gone by (as dnd-kit's sensor does).
    setTimeout(() => this.doc.addEventListener('keydown', this.onKeyDown))
    window.addEventListener('resize', this.onCancel)
  }

  private onKeyDown(event: KeyboardEvent): void {
    const { active, context, options, onMove, onEnd } = this.props
    if (END.includes(event.code)) {
      event.preventDefault()
      this.detach()
      onEnd()
      return
    }
    if (event.code === 'Escape') {
      this.onCancel(event)
      return
    }
    const rect = context.current.collisionRect
    if (!rect || !options.coordinateGetter) return
    const current = { x: rect.left, y: rect.top }
    this.origin ??= current
    const next = options.coordinateGetter(event, { active, context: context.current, currentCoordinates: current })
    if (next) {
      event.preventDefault()
      onMove({ x: next.x - this.origin.x, y: next.y - this.origin.y })
    }
  }

  private onCancel(event: Event): void {
    event.preventDefault()
    this.detach()
    this.props.onCancel()
  }

  private detach(): void {
    this.doc.removeEventListener('keydown', this.onKeyDown)
    window.removeEventListener('resize', this.onCancel)
  }
}
