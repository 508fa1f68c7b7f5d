// Messaging and e-mail: Slack, Twilio, SendGrid, Mailgun, Mailchimp, Telegram, Discord and others.
import type { MatchContext, Rule } from '../types';
import { looksPlaceholder } from '../validators';
import { keyed, LB, RB, token, UUID } from './define';

/** Slack tokens carry numeric ids; a value without digits is a placeholder. */
const slack = (s: string) => /\d{6,}|-\d-/.test(s) && !/x{5,}/i.test(s);

/**
 * The key given to `MailchimpSDK.initialize` is the mobile SDK key, which Mailchimp issues to be built into
 * apps (it can only add contacts and events), not an API key.
 */
const mobileSdkKey = (ctx: MatchContext) => /MailchimpSDK\.initialize\s*\([^)]*$/.test(ctx.text.slice(Math.max(0, ctx.match.secretStart - 80), ctx.match.secretStart));

export const messagingRules: Rule[] = [
  token('slack-token', 'Slack token', 'slack', ['xoxb-', 'xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxo-', 'xoxe-', 'xoxe.'],
    String.raw`(?<![\w.-])(xox[bpearso]-(?:\d+-)?[0-9a-zA-Z]{6,}(?:-[0-9a-zA-Z]{6,})+|xoxe\.xox[bp]-\d-[A-Za-z0-9]{100,}|xoxe-\d-[A-Za-z0-9]{100,})${RB}`,
    { entropy: 0, validate: slack }),
  token('slack-app-token', 'Slack app-level token', 'slack', ['xapp-'], String.raw`\b(xapp-\d-[A-Z0-9]+-\d+-[a-z0-9]+)\b`),
  token('slack-webhook-url', 'Slack webhook URL', 'slack', ['hooks.slack.com'],
    String.raw`(hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{20,80})`, { entropy: 3.5 }),
  token('twilio-api-key', 'Twilio API key', 'twilio', ['sk'], String.raw`\b(SK[0-9a-fA-F]{32})\b`, { entropy: 3.2 }),
  keyed('twilio-auth-token', 'Twilio auth token', 'twilio', ['twilio'], '[a-f0-9]{32}', { entropy: 3.2 }),
  token('sendgrid-api-key', 'SendGrid API key', 'sendgrid', ['sg.'], String.raw`\b(SG\.[\w-]{22}\.[\w-]{43})${RB}`),
  token('mailgun-api-key', 'Mailgun API key', 'mailgun', ['key-'], String.raw`${LB}(key-[a-f0-9]{32})\b`, { entropy: 3.2 }),
  keyed('mailgun-signing-key', 'Mailgun webhook signing key', 'mailgun', ['mailgun'], '[a-h0-9]{32}-[a-h0-9]{8}-[a-h0-9]{8}'),
  token('mailchimp-api-key', 'Mailchimp API key', 'mailchimp', ['-us'], String.raw`-us\d{1,2}\b(?<=(?<![\w-])([a-f0-9]{32})-us\d{1,2})`,
    { entropy: 3.2, validate: (_s, ctx) => !mobileSdkKey(ctx) }),
  token('telegram-bot-token', 'Telegram bot token', 'telegram', [':aa'], String.raw`\b(\d{8,10}:AA[\w-]{33})${RB}`),
  token('discord-bot-token', 'Discord bot token', 'discord', ['discord'],
    String.raw`(?:[dD]iscord|DISCORD)[\s\S]{0,80}?\b([MNO][A-Za-z\d]{23,25}\.[\w-]{6}\.[\w-]{27,38})${RB}`),
  token('discord-webhook-url', 'Discord webhook URL', 'discord', ['/api/webhooks/'],
    String.raw`(discord(?:app)?\.com/api/webhooks/\d{17,20}/[\w-]{60,68})`),
  keyed('discord-client-secret', 'Discord client secret', 'discord', ['discord'], '[\\w-]{32}', { entropy: 3.5 }),
  token('teams-webhook-url', 'Microsoft Teams webhook URL', 'microsoft-teams', ['webhook.office.com'],
    String.raw`(https://[\w-]+\.webhook\.office\.com/webhookb2/${UUID}@${UUID}/IncomingWebhook/[a-f0-9]{32}/${UUID})`),
  token('brevo-api-key', 'Brevo (Sendinblue) API key', 'brevo', ['xkeysib-'], String.raw`\b(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})\b`),
  keyed('messagebird-api-key', 'MessageBird API key', 'messagebird', ['MessageBird', 'message-bird', 'message_bird'],
    `${UUID}|[A-Za-z0-9]{25}`, { entropy: 0, validate: (v) => v.includes('-') || !looksPlaceholder(v) }), // a UUID is judged by its shape
  keyed('postmark-server-token', 'Postmark server token', 'postmark', ['postmark'], UUID, { entropy: 0 }),
  keyed('mailjet-api-key', 'Mailjet API key', 'mailjet', ['mailjet', 'mj_apikey'], '[a-f0-9]{32}', { entropy: 3.2 }),
  token('mattermost-token', 'Mattermost access token', 'mattermost', ['mattermost'], String.raw`[mM]attermost[\w.-]{0,30}["']?\s*[:=]\s*["']?([a-z0-9]{26})\b`, { entropy: 3.5 }),
];
