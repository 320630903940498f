/**
 * APL (visual) and APLA (audio) RenderDocument directives, plus `directive()` for anything else
 * Alexa accepts. APL documents are large free-form JSON, so they are passed through as given;
 * the response checks still count their bytes toward the 120 KB response limit.
 */
import type { interfaces } from "ask-sdk-model";

type JsonObject = { [key: string]: unknown };

interface RenderOptions {
  /** Identifies the rendered document in later UserEvent / ExecuteCommands traffic. */
  readonly token?: string;
  readonly document: JsonObject;
  readonly datasources?: JsonObject;
}

/**
 * An `Alexa.Presentation.APL.RenderDocument` directive (a visual document on screen devices).
 * @example
 * if (input.supports("Alexa.Presentation.APL")) input.responseBuilder.directive(aplRenderDocument({ token: "home", document: aplDocument }));
 */
export function aplRenderDocument(
  options: RenderOptions & { readonly sources?: JsonObject },
): interfaces.alexa.presentation.apl.RenderDocumentDirective {
  return { type: "Alexa.Presentation.APL.RenderDocument", ...options };
}

/**
 * An `Alexa.Presentation.APLA.RenderDocument` directive (audio documents: speech mixed with sound).
 * @example
 * input.responseBuilder.directive(aplaRenderDocument({ token: "intro", document: aplaDocument, datasources: { text: "Hi" } }));
 */
export function aplaRenderDocument(options: RenderOptions): interfaces.alexa.presentation.apla.RenderDocumentDirective {
  return { type: "Alexa.Presentation.APLA.RenderDocument", ...options };
}

/** Any directive not modelled here: a `type` and its fields, sent as they are. */
export interface GenericDirective {
  readonly type: string;
  readonly [field: string]: unknown;
}

/**
 * Any other directive, by type and fields (for interfaces without a helper here).
 * @example
 * input.responseBuilder.directive(directive("Connections.StartConnection", { uri: "connection://AMAZON.PrintPDF/1", input: {} }));
 */
export function directive(type: string, fields: JsonObject = {}): GenericDirective {
  return { ...fields, type };
}
