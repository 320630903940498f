/**
 * Directives in plain words for the local console's transcript ("Play stream story:dragons
 * from 0:12, replacing the queue"), so a person reading a turn sees what the device was told
 * to do without opening the JSON. One sentence per directive; a directive this file does not
 * know shows its type and, for Dialog.*, the slot it is about. Pure.
 */
import type { Directive } from "ask-sdk-model";

/** 83_500 -> "1:23.5" (minutes:seconds.tenths). */
export function formatOffset(ms: number): string {
  const tenths = Math.max(0, Math.round(ms / 100));
  const minutes = Math.floor(tenths / 600);
  const seconds = Math.floor((tenths % 600) / 10);
  return `${minutes}:${String(seconds).padStart(2, "0")}.${tenths % 10}`;
}

function playWords(directive: Extract<Directive, { type: "AudioPlayer.Play" }>): string {
  const stream = directive.audioItem?.stream;
  const what = `stream ${stream?.token ?? "(no token)"} from ${formatOffset(stream?.offsetInMilliseconds ?? 0)}`;
  switch (directive.playBehavior) {
    case "ENQUEUE":
      return `Queue ${what} after ${stream?.expectedPreviousToken ?? "the current stream"}`;
    case "REPLACE_ENQUEUED":
      return `Queue ${what}, replacing what was queued`;
    default:
      return `Play ${what}, replacing the queue`;
  }
}

/** One sentence saying what `directive` asks the device to do. */
export function directiveInWords(directive: Directive): string {
  switch (directive.type) {
    case "AudioPlayer.Play":
      return playWords(directive);
    case "AudioPlayer.Stop":
      return "Stop the audio player";
    case "AudioPlayer.ClearQueue":
      return directive.clearBehavior === "CLEAR_ALL" ? "Stop and clear the whole queue" : "Clear the queued streams";
    case "Dialog.Delegate":
      return "Let Alexa continue the dialog";
    case "Dialog.ElicitSlot":
      return `Ask for the slot ${directive.slotToElicit}`;
    case "Dialog.ConfirmSlot":
      return `Confirm the slot ${directive.slotToConfirm}`;
    case "Dialog.ConfirmIntent":
      return "Confirm the whole request";
    default:
      return `Directive ${directive.type}`;
  }
}
