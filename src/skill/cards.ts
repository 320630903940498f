/**
 * Card factories for the Alexa app: plain data in the shapes of `ask-sdk-model`'s `ui.Card`.
 * Hand one to `responseBuilder.card(...)`. Cards are text, not SSML: nothing is escaped.
 */
import type { ui } from "ask-sdk-model";

export function simpleCard(title: string, content: string): ui.SimpleCard {
  return { type: "Simple", title, content };
}

export function standardCard(title: string, text: string, image?: { small?: string; large?: string }): ui.StandardCard {
  const card: ui.StandardCard = { type: "Standard", title, text };
  if (image !== undefined) {
    const urls: ui.Image = {};
    if (image.small !== undefined) urls.smallImageUrl = image.small;
    if (image.large !== undefined) urls.largeImageUrl = image.large;
    card.image = urls;
  }
  return card;
}

export function linkAccountCard(): ui.LinkAccountCard {
  return { type: "LinkAccount" };
}

/** Asks the user to grant permissions, e.g. `["alexa::profile:email:read"]`. */
export function askForPermissionsConsentCard(permissions: readonly string[]): ui.AskForPermissionsConsentCard {
  return { type: "AskForPermissionsConsent", permissions: [...permissions] };
}
