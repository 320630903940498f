/**
 * How an intent with a dialog model travels between the user, Alexa's dialog manager and the
 * skill. With delegation SKILL_RESPONSE each step goes to the skill (dialogState STARTED, then
 * IN_PROGRESS); a Dialog.Delegate answer lets Alexa take the next step with the model's prompts,
 * and when nothing is left Alexa sends the intent again with dialogState COMPLETED. With
 * delegation ALWAYS Alexa runs every step herself and the skill sees only the COMPLETED intent.
 * Dialog.ElicitSlot, ConfirmSlot and ConfirmIntent (with or without updatedIntent) set what the
 * next words answer.
 */
import type { DialogState, Intent, dialog } from "ask-sdk-model";
import type { Conversation, OpenTurn, TurnExtras } from "./conversation.js";
import { dialogRulesFor, type DialogRules } from "./dialog-rules.js";
import { nextDialogStep } from "./dialog-step.js";
import type { TurnKind } from "./types.js";

type DialogDirective = dialog.DelegateDirective | dialog.ElicitSlotDirective | dialog.ConfirmSlotDirective | dialog.ConfirmIntentDirective;

const NO_RULES = (intent: string): DialogRules => ({ intent, delegation: "SKILL_RESPONSE", confirmationRequired: false, slots: [] });

async function autoDelegate(conversation: Conversation, kind: TurnKind, rules: DialogRules, intent: Intent, state: DialogState, extras: TurnExtras): Promise<OpenTurn> {
  const { step, intent: held } = nextDialogStep(conversation.setup.model, rules, intent, conversation.setup.now());
  if (step.kind === "complete") {
    conversation.setDialog(undefined);
    return afterIntent(conversation, await conversation.send(kind, conversation.intentEnvelope(held, "COMPLETED"), extras), held);
  }
  conversation.setDialog({ intent: held, dialogState: state, awaiting: step.awaiting, delegated: true });
  return conversation.unsent(kind, conversation.intentEnvelope(held, state), { ...extras, alexaSaid: step.prompt });
}

/** Sends a new intent from the user: plain, or as the start of its dialog. */
export async function startIntent(conversation: Conversation, kind: TurnKind, intent: Intent, extras: TurnExtras): Promise<OpenTurn> {
  const rules = dialogRulesFor(conversation.setup.model, intent.name);
  if (rules === undefined) {
    conversation.setDialog(undefined);
    return afterIntent(conversation, await conversation.send(kind, conversation.intentEnvelope(intent, undefined), extras), intent);
  }
  if (rules.delegation === "ALWAYS") return autoDelegate(conversation, kind, rules, intent, "STARTED", extras);
  conversation.setDialog({ intent, dialogState: "STARTED", delegated: false });
  return afterIntent(conversation, await conversation.send(kind, conversation.intentEnvelope(intent, "STARTED"), extras), intent);
}

/** Sends the dialog's intent after the user answered what it waited for. */
export async function continueDialog(conversation: Conversation, kind: TurnKind, intent: Intent, extras: TurnExtras): Promise<OpenTurn> {
  const progress = conversation.dialog;
  const rules = dialogRulesFor(conversation.setup.model, intent.name);
  if (rules?.delegation === "ALWAYS" && progress?.delegated === true) return autoDelegate(conversation, kind, rules, intent, "IN_PROGRESS", extras);
  conversation.setDialog({ intent, dialogState: "IN_PROGRESS", delegated: false });
  return afterIntent(conversation, await conversation.send(kind, conversation.intentEnvelope(intent, "IN_PROGRESS"), extras), intent);
}

/** Reads the skill's Dialog.* directive (if any) and sets up the dialog's next step. */
async function afterIntent(conversation: Conversation, turn: OpenTurn, sent: Intent): Promise<OpenTurn> {
  const dialogTypes: readonly string[] = ["Dialog.Delegate", "Dialog.ElicitSlot", "Dialog.ConfirmSlot", "Dialog.ConfirmIntent"];
  const directive = turn.directives.find((d): d is DialogDirective => dialogTypes.includes(d.type));
  if (turn.sessionEnded || turn.error !== undefined || directive === undefined) {
    conversation.setDialog(undefined);
    return turn;
  }
  const intent = directive.updatedIntent ?? sent;
  switch (directive.type) {
    case "Dialog.Delegate": {
      const rules = dialogRulesFor(conversation.setup.model, intent.name) ?? NO_RULES(intent.name);
      const { step, intent: held } = nextDialogStep(conversation.setup.model, rules, intent, conversation.setup.now());
      if (step.kind === "ask") {
        conversation.setDialog({ intent: held, dialogState: "IN_PROGRESS", awaiting: step.awaiting, delegated: true });
        return { ...turn, alexaSaid: step.prompt };
      }
      conversation.setDialog(undefined);
      const completed = await conversation.send("intent", conversation.intentEnvelope(held, "COMPLETED"));
      turn.followUps.push(await afterIntent(conversation, completed, held));
      return turn;
    }
    case "Dialog.ElicitSlot":
      conversation.setDialog({ intent, dialogState: "IN_PROGRESS", awaiting: { kind: "elicit", slot: directive.slotToElicit }, delegated: false });
      return turn;
    case "Dialog.ConfirmSlot":
      conversation.setDialog({ intent, dialogState: "IN_PROGRESS", awaiting: { kind: "confirm-slot", slot: directive.slotToConfirm }, delegated: false });
      return turn;
    case "Dialog.ConfirmIntent":
      conversation.setDialog({ intent, dialogState: "IN_PROGRESS", awaiting: { kind: "confirm-intent" }, delegated: false });
      return turn;
  }
}
