/**
 * The standard built-in intents and the usual English phrases Alexa maps to them, used when a
 * model lists the intent (most list them with no samples at all, as Amazon's templates do);
 * a model's own samples for the intent are added to these. Phrases are in normalised form
 * (see text.ts). Locales other than English get the model's own samples only, plus these, which
 * a test can still say. `EXIT_PHRASES` are the words that end any skill session even when the
 * model has no intent for them: Alexa answers those itself with a SessionEndedRequest.
 */

export const BUILTIN_INTENT_PHRASES: Readonly<Record<string, readonly string[]>> = {
  "AMAZON.HelpIntent": ["help", "help me", "i need help", "what can i say", "what can you do", "how does this work", "what do i do", "can you help me", "help please"],
  "AMAZON.StopIntent": ["stop", "stop it", "off", "shut up", "be quiet", "quiet", "enough", "stop playing", "that's enough", "thats enough", "goodbye", "bye"],
  "AMAZON.CancelIntent": ["cancel", "cancel that", "never mind", "nevermind", "forget it", "forget that"],
  "AMAZON.PauseIntent": ["pause", "pause that", "pause it", "pause the story", "pause playback", "pause music", "hold on", "wait"],
  "AMAZON.ResumeIntent": ["resume", "continue", "keep going", "unpause", "go on", "carry on", "resume playback", "continue playing", "play again"],
  "AMAZON.NextIntent": ["next", "skip", "skip this", "skip ahead", "next one", "next story", "next song", "next track", "play the next one", "play next"],
  "AMAZON.PreviousIntent": ["previous", "go back", "back", "previous one", "previous story", "previous song", "previous track", "play the previous one", "last one"],
  "AMAZON.StartOverIntent": ["start over", "restart", "start again", "begin again", "from the beginning", "start from the beginning", "play from the beginning"],
  "AMAZON.RepeatIntent": ["repeat", "repeat that", "say that again", "say it again", "again", "come again", "what did you say", "pardon"],
  "AMAZON.YesIntent": ["yes", "yeah", "yep", "yup", "sure", "ok", "okay", "yes please", "of course", "correct", "right", "absolutely", "i do", "please do", "go ahead"],
  "AMAZON.NoIntent": ["no", "nope", "nah", "no thanks", "no thank you", "not really", "no way", "i dont", "incorrect", "wrong"],
  "AMAZON.NavigateHomeIntent": ["go home", "home", "navigate home", "go to home", "take me home"],
  "AMAZON.LoopOnIntent": ["loop", "loop on", "turn on loop", "loop this", "repeat this song", "repeat this one"],
  "AMAZON.LoopOffIntent": ["loop off", "turn off loop", "stop looping"],
  "AMAZON.ShuffleOnIntent": ["shuffle", "shuffle on", "turn on shuffle", "shuffle the music"],
  "AMAZON.ShuffleOffIntent": ["shuffle off", "turn off shuffle", "stop shuffling"],
  "AMAZON.MoreIntent": ["more", "show more", "tell me more"],
  "AMAZON.NavigateSettingsIntent": ["settings", "open settings", "go to settings"],
  "AMAZON.PageUpIntent": ["page up"],
  "AMAZON.PageDownIntent": ["page down"],
  "AMAZON.ScrollUpIntent": ["scroll up"],
  "AMAZON.ScrollDownIntent": ["scroll down"],
  "AMAZON.ScrollLeftIntent": ["scroll left"],
  "AMAZON.ScrollRightIntent": ["scroll right"],
  "AMAZON.SelectIntent": ["select", "select this", "choose this", "pick this one"],
};

/** Words that end the session whatever the model says ("Alexa, exit"). */
export const EXIT_PHRASES: readonly string[] = ["exit", "quit", "exit skill", "exit the skill", "close", "close the skill"];

/** Stop/cancel words also end the session when the model has no Stop/Cancel intent. */
export const STOP_INTENTS: readonly string[] = ["AMAZON.StopIntent", "AMAZON.CancelIntent"];
