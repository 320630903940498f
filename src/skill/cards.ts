/**
 * Card factories for the Alexa app: plain data in the shapes of `ask-sdk-model`'s `ui.Card`.
 * Hand one to `responseBuilder.card(...)`. Cards are text, not SSML: nothing is escaped.
 */
import type { ui } from "ask-sdk-model";

/**
 * A Simple card: a title and plain text content, shown in the Alexa app and on screens.
 * @example
 * input.responseBuilder.speak("It is sunny.").card(simpleCard("Weather", "Sunny, 21 C"));
 */
export function simpleCard(title: string, content: string): ui.SimpleCard {
  return { type: "Simple", title, content };
}

/**
 * A Standard card: title, text and an optional https image (small and large URLs).
 * @example
 * standardCard("The Sleepy Dragon", "A story about rest.", { smallImageUrl: "https://skill.example.com/img/s.png", largeImageUrl: "https://skill.example.com/img/l.png" });
 */
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

/**
 * The card that asks the user to link their account in the Alexa app.
 * @example
 * input.responseBuilder.speak("Please link your account in the Alexa app.").card(linkAccountCard());
 */
export function linkAccountCard(): ui.LinkAccountCard {
  return { type: "LinkAccount" };
}

/**
 * Asks the user to grant permissions, e.g. `["alexa::profile:email:read"]`.
 * @example
 * input.responseBuilder.speak("Please grant access in the Alexa app.")
 *   .card(askForPermissionsConsentCard(["read::alexa:device:all:address"]));
 */
export function askForPermissionsConsentCard(permissions: readonly string[]): ui.AskForPermissionsConsentCard {
  return { type: "AskForPermissionsConsent", permissions: [...permissions] };
}
