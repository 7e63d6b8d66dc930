import type { Channel } from './engine/channels';
import type { Device } from './engine/device';

/**
 * The page-side DOM of the real SDK (reference §4), which a page can read to tell whether a
 * window is open: one `div.imp-dialog`, hidden until a request, holding one hidden
 * `iframe.imp-frame` per channel once `init` loaded the channels.
 */
export interface SdkFrame {
  channel: Channel;
  iframe: HTMLIFrameElement;
  /** The frame's page has loaded: requests for its channel are posted at once, else they wait. */
  loaded: boolean;
}

/** What the frame shows: the (transparent) page that hosts the window, or a page that failed to load. */
export type FramePage = 'ready' | 'load-error';

export interface SdkDialog {
  readonly element: HTMLDivElement;
  readonly frames: readonly SdkFrame[];
  /** Add a frame for a channel; `onLoad` runs when its page has loaded, `delayMs` after now at the earliest. */
  addFrame(channel: Channel, device: Device, page: FramePage, delayMs: number, onLoad: (frame: SdkFrame) => void): SdkFrame;
  /** Show this frame, hide the others. */
  focus(frame: SdkFrame): void;
  /** Show the dialog for a request on `frame`'s channel. */
  open(frame: SdkFrame, device: Device): void;
  /** Hide the dialog (frames stay). */
  close(device: Device): void;
  /** Remove every frame and child. */
  clear(): void;
  /** Take the dialog out of the page. */
  remove(): void;
}

const PROGRESS = 'imp-payment-progress';
const FRAME_TITLE = "i'mport 결제창 (payment window)";
// The frame's page: transparent, so the app shows dimmed behind the sandbox window.
const READY_PAGE = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>${FRAME_TITLE}</title><body style="margin:0">`;
// What Chromium shows when the window's page cannot be reached: opaque, covering the app.
const ERROR_PAGE = `<!doctype html><html lang="ko"><meta charset="utf-8"><title>service.iamport.kr</title>
<body style="margin:0;padding:15vh 24px;background:#fff;color:#202124;font:15px/1.6 system-ui,sans-serif"><main style="max-width:600px;margin:auto">
<h1 style="font-size:24px;font-weight:500">사이트에 연결할 수 없음 (This site can’t be reached)</h1><p><b>service.iamport.kr</b>에서 응답하지 않습니다. ERR_CONNECTION_TIMED_OUT</p>
<p style="color:#5f6368;font-size:13px">iamport-sandbox fault <code>window: load-error</code>: the real SDK shows this frame over the page and never calls back.</p></main>`;

/**
 * Create the SDK's dialog in `container` (the real SDK: `document.body`), hidden by the SDK
 * stylesheet until a request opens it.
 *
 * @example
 * const dialog = createSdkDialog(document.body) // <div class="imp-dialog customizable">
 */
export function createSdkDialog(container: HTMLElement): SdkDialog {
  const doc = container.ownerDocument;
  const element = doc.createElement('div');
  element.className = 'imp-dialog customizable';
  container.append(element);
  const frames: SdkFrame[] = [];

  return {
    element,
    frames,
    addFrame(channel, device, page, delayMs, onLoad) {
      const iframe = doc.createElement('iframe');
      iframe.title = FRAME_TITLE;
      iframe.setAttribute('frameborder', '0');
      iframe.style.cssText = 'position:absolute;top:0;left:0;right:0;bottom:0;width:100%;height:100%;border:0';
      const provider = channel.type === 'payment' ? `imp-frame-${channel.provider}` : `imp-frame-${channel.provider}-certification`;
      iframe.className = ['imp-frame', device.mobile ? 'imp-frame-mobile' : 'imp-frame-pc', channel.isDefault && 'imp-frame-default', provider]
        .filter(Boolean)
        .join(' ');
      const frame: SdkFrame = { channel, iframe, loaded: false };
      let requested = false;
      // An iframe without a document fires `load` for about:blank on insertion: only the page counts.
      iframe.addEventListener('load', () => {
        if (!requested || frame.loaded || !iframe.isConnected) return;
        frame.loaded = true;
        onLoad(frame);
      });
      element.append(iframe);
      frames.push(frame);
      setTimeout(() => {
        if (!iframe.isConnected) return;
        requested = true;
        iframe.srcdoc = page === 'ready' ? READY_PAGE : ERROR_PAGE;
      }, delayMs);
      return frame;
    },
    focus(frame) {
      for (const other of frames) other.iframe.style.display = other === frame ? 'block' : 'none';
    },
    open(frame, device) {
      const { type, provider } = frame.channel;
      element.style.display = 'block';
      const classes = ['imp-dialog', 'customizable', `${type}-${provider}`, device.mobile ? 'mobile' : 'pc'];
      if (device.mobile) {
        doc.body.classList.add(PROGRESS);
        if (device.ios) classes.push('ios');
        if (device.android) classes.push('android');
      }
      element.className = classes.join(' ');
    },
    close(device) {
      element.style.display = 'none';
      if (device.mobile) doc.body.classList.remove(PROGRESS);
    },
    clear() {
      frames.length = 0;
      element.replaceChildren();
    },
    remove() {
      this.clear();
      element.remove();
      doc.body.classList.remove(PROGRESS);
    },
  };
}
