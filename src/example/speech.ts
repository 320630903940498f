/**
 * Everything the example skill says, in one place so the wording stays consistent and the
 * tests can compare against it. Plain text: the response builder escapes it into SSML.
 */
import { catalogTitles, type Story } from "./catalog.js";

export const speech = {
  welcome: () => `Welcome to Bedtime Stories. I can read ${catalogTitles()}. Which story would you like?`,
  welcomeBack: (story: Story) =>
    `Welcome back. You were listening to ${story.title}. Say resume to carry on, or choose another story: ${catalogTitles()}.`,
  whichStory: () => `Which story would you like? ${catalogTitles()}?`,
  help: () =>
    `I read short bedtime stories. Say, for example, play The Sleepy Dragon. ` +
    `While a story plays, you can say pause, resume, next or stop. The stories are ${catalogTitles()}. Which one would you like?`,
  unknownStory: (heard: string | undefined) =>
    heard === undefined || heard === ""
      ? `Which story would you like? I can read ${catalogTitles()}.`
      : `I don't know a story called ${heard}. I can read ${catalogTitles()}. Which one would you like?`,
  nowPlaying: (story: Story) => `Here is ${story.title}.`,
  nothingToResume: () => `There is no story paused right now. ${speech.whichStory()}`,
  lastStory: () => `That was the last story. Goodnight.`,
  firstStory: (story: Story) => `${story.title} is the first story. Here it is again.`,
  fallback: () => `Sorry, I can't help with that. I read bedtime stories. ${speech.whichStory()}`,
  unsupported: () => `Sorry, Bedtime Stories can't do that. You can say pause, resume, next or stop.`,
  goodnight: () => `Goodnight.`,
  problem: () => `Sorry, something went wrong. Please try again.`,
};
