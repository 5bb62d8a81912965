// The email template registry: every template with its placeholders, platform default texts and the
// layout's fixed words, plus the pure validation and placeholder filling. No database: the text editor's
// live preview and the email components import this; the resolver lives in text-overrides.ts.
export const emailLocales = ["nl", "en"] as const;
export type EmailLocale = (typeof emailLocales)[number];
export const defaultEmailLocale: EmailLocale = "nl";

export function isEmailLocale(value: unknown): value is EmailLocale {
  return typeof value === "string" && (emailLocales as readonly string[]).includes(value);
}

/** Organisations may store any locale string; mail falls back to Dutch, the product's default. */
export function toEmailLocale(value: string | null | undefined): EmailLocale {
  return isEmailLocale(value) ? value : defaultEmailLocale;
}

/** The three customisable parts of a message. `buttonLabel` is null for templates without a button. */
export type EmailTexts = { subject: string; body: string; buttonLabel: string | null };

/**
 * Every placeholder any template may use, with the explanation the text editor shows. Names are Dutch
 * in every locale: they are identifiers in stored texts, and Dutch is the product's language.
 */
export const placeholderDescriptions = {
  voornaam: { nl: "Voornaam van de ontvanger", en: "The recipient's first name" },
  gebruikersnaam: { nl: "Gebruikersnaam van de ontvanger", en: "The recipient's username" },
  organisatie: { nl: "Naam van de organisatie", en: "The organisation's name" },
  dienst: { nl: "De dienst: activiteit, plaats, datum en tijd", en: "The shift: activity, place, date and time" },
  eerder: { nl: "De dienst zoals die was vóór de wijziging", en: "The shift as it was before the change" },
  code: { nl: "De inlogcode van 6 cijfers", en: "The 6-digit sign-in code" },
  collega: { nl: "Naam van de collega", en: "The colleague's name" },
  bericht: { nl: "Het bericht van de afzender", en: "The sender's message" },
  week: { nl: "De week, bijvoorbeeld ‘week 12 (17 t/m 23 maart)’", en: "The week, e.g. ‘week 12 (17–23 March)’" },
  deadline: { nl: "Uiterste moment om te bevestigen", en: "The deadline for confirming" },
  opmerking: { nl: "Opmerking van de coördinator", en: "The coordinator's comment" },
  naam: { nl: "Volledige naam van de vrijwilliger", en: "The member's full name" },
} as const;

export type Placeholder = keyof typeof placeholderDescriptions;

type TemplateDefinition = {
  /** Who receives it; the text editor groups templates by this. */
  audience: "member" | "coordinator";
  description: Record<EmailLocale, string>;
  placeholders: readonly Placeholder[];
  /** Whether the message carries a (green) button; its URL is always supplied by the sender. */
  hasButton: boolean;
  defaults: Record<EmailLocale, EmailTexts>;
};

/**
 * All templates of PRODUCT.md §7. Body texts are plain text: a blank line starts a new paragraph, a
 * single newline is a line break. Values that must reach the reader whatever an admin writes (a
 * username, a temporary password, a code) are shown by the email component itself, beside the text.
 */
export const emailTemplates = {
  "sign-in-link": {
    audience: "member",
    description: { nl: "Inloglink die een coördinator stuurt", en: "Sign-in link sent by a coordinator" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Inloggen bij {organisatie}",
        body:
          "Hoi {voornaam},\n\n" +
          "Met de groene knop hieronder log je direct in bij {organisatie}. Je hoeft dan geen wachtwoord in te typen.\n\n" +
          "De knop werkt 7 dagen. Daarna log je in met je gebruikersnaam ({gebruikersnaam}) en je wachtwoord.",
        buttonLabel: "Direct inloggen",
      },
      en: {
        subject: "Sign in to {organisatie}",
        body:
          "Hi {voornaam},\n\n" +
          "Use the green button below to sign in to {organisatie} straight away. You don't need to type a password.\n\n" +
          "The button works for 7 days. After that, sign in with your username ({gebruikersnaam}) and your password.",
        buttonLabel: "Sign in now",
      },
    },
  },
  "login-request": {
    audience: "member",
    description: { nl: "Antwoord op ‘login opvragen’: gebruikersnaam en inlogknop", en: "Reply to ‘request login’: username and sign-in button" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je gebruikersnaam voor {organisatie}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je hebt je inloggegevens opgevraagd. Hieronder staat je gebruikersnaam. Met de groene knop log je meteen in; de knop werkt 7 dagen.\n\n" +
          "Staan er meer accounts op dit e-mailadres? Dan krijg je voor elk account een aparte e-mail.\n\n" +
          "Heb je dit niet zelf gevraagd? Dan hoef je niets te doen.",
        buttonLabel: "Direct inloggen",
      },
      en: {
        subject: "Your username for {organisatie}",
        body:
          "Hi {voornaam},\n\n" +
          "You asked for your sign-in details. Your username is below. The green button signs you in straight away; it works for 7 days.\n\n" +
          "Are there more accounts with this email address? Then you get a separate email for each account.\n\n" +
          "Didn't ask for this? Then you don't need to do anything.",
        buttonLabel: "Sign in now",
      },
    },
  },
  "password-reset": {
    audience: "member",
    description: { nl: "Link om een nieuw wachtwoord te kiezen", en: "Link to choose a new password" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Nieuw wachtwoord kiezen voor {organisatie}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je hebt gevraagd om een nieuw wachtwoord voor je account {gebruikersnaam}. Klik op de knop hieronder en kies een nieuw wachtwoord. De knop werkt maar één keer.\n\n" +
          "Heb je dit niet zelf gevraagd? Dan hoef je niets te doen. Je wachtwoord blijft dan hetzelfde.",
        buttonLabel: "Nieuw wachtwoord kiezen",
      },
      en: {
        subject: "Choose a new password for {organisatie}",
        body:
          "Hi {voornaam},\n\n" +
          "You asked for a new password for your account {gebruikersnaam}. Click the button below and choose a new password. The button works only once.\n\n" +
          "Didn't ask for this? Then you don't need to do anything. Your password stays the same.",
        buttonLabel: "Choose a new password",
      },
    },
  },
  "two-factor-code": {
    audience: "member",
    description: { nl: "Inlogcode voor tweestapsverificatie", en: "Two-factor sign-in code" },
    placeholders: ["voornaam", "code", "organisatie"],
    // No button: a sign-in link in this message would skip the second step it exists for.
    hasButton: false,
    defaults: {
      nl: {
        subject: "Je inlogcode voor {organisatie}",
        body:
          "Hoi {voornaam},\n\n" +
          "Hieronder staat je inlogcode. Typ deze code in op het inlogscherm. De code is 10 minuten geldig.\n\n" +
          "Probeerde je niet zelf in te loggen? Kies dan zo snel mogelijk een nieuw wachtwoord en laat het je coördinator weten.",
        buttonLabel: null,
      },
      en: {
        subject: "Your sign-in code for {organisatie}",
        body:
          "Hi {voornaam},\n\n" +
          "Your sign-in code is below. Type it on the sign-in screen. The code is valid for 10 minutes.\n\n" +
          "Weren't you trying to sign in? Then choose a new password as soon as possible and tell your coordinator.",
        buttonLabel: null,
      },
    },
  },
  invitation: {
    audience: "member",
    description: { nl: "Uitnodiging met tijdelijk wachtwoord", en: "Invitation with a temporary password" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je account voor {organisatie} staat klaar",
        body:
          "Hoi {voornaam},\n\n" +
          "Je hebt een account gekregen voor het rooster van {organisatie}. Daarin zie je je diensten, kun je diensten overdragen en bevestig je je uren.\n\n" +
          "Hieronder staan je gebruikersnaam en een tijdelijk wachtwoord. Log in met de groene knop of met deze gegevens. De eerste keer kies je zelf een nieuw wachtwoord.",
        buttonLabel: "Inloggen",
      },
      en: {
        subject: "Your account for {organisatie} is ready",
        body:
          "Hi {voornaam},\n\n" +
          "You now have an account for the roster of {organisatie}. There you see your shifts, hand shifts over and confirm your hours.\n\n" +
          "Your username and a temporary password are below. Sign in with the green button or with these details. The first time, you choose a new password yourself.",
        buttonLabel: "Sign in",
      },
    },
  },
  username: {
    audience: "member",
    description: { nl: "Gebruikersnaam die een coördinator opnieuw stuurt", en: "Username resent by a coordinator" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je gebruikersnaam voor {organisatie}",
        body:
          "Hoi {voornaam},\n\n" +
          "Hieronder staat je gebruikersnaam voor {organisatie}. Log je liever meteen in? Gebruik dan de groene knop; die werkt 7 dagen.",
        buttonLabel: "Direct inloggen",
      },
      en: {
        subject: "Your username for {organisatie}",
        body:
          "Hi {voornaam},\n\n" +
          "Your username for {organisatie} is below. Rather sign in straight away? Use the green button; it works for 7 days.",
        buttonLabel: "Sign in now",
      },
    },
  },
  "shift-assigned": {
    audience: "member",
    description: { nl: "Je bent ingeroosterd voor een dienst", en: "You were assigned to a shift" },
    placeholders: ["voornaam", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je bent ingeroosterd: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je bent ingeroosterd voor deze dienst:\n{dienst}\n\n" +
          "Kun je niet? Vraag dan een collega om de dienst over te nemen. Dat doe je op je eigen pagina met de knop ‘Overdragen’.",
        buttonLabel: "Bekijk mijn diensten",
      },
      en: {
        subject: "You're on the roster: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "You're on the roster for this shift:\n{dienst}\n\n" +
          "Can't make it? Ask a colleague to take the shift over. You do that on your own page with the ‘Hand over’ button.",
        buttonLabel: "View my shifts",
      },
    },
  },
  "shift-removed": {
    audience: "member",
    description: { nl: "Je bent uit een dienst gehaald", en: "You were removed from a shift" },
    placeholders: ["voornaam", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je bent uitgeroosterd: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je staat niet meer ingeroosterd voor deze dienst:\n{dienst}\n\n" +
          "Je hoeft dus niet te komen. Heb je vragen? Neem dan contact op met je coördinator.",
        buttonLabel: "Bekijk mijn diensten",
      },
      en: {
        subject: "You're off the roster: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "You're no longer on the roster for this shift:\n{dienst}\n\n" +
          "So you don't need to come. Questions? Please contact your coordinator.",
        buttonLabel: "View my shifts",
      },
    },
  },
  "shift-cancelled": {
    audience: "member",
    description: { nl: "Een dienst gaat niet door", en: "A shift was cancelled" },
    placeholders: ["voornaam", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Dienst gaat niet door: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Deze dienst gaat niet door:\n{dienst}\n\n" +
          "Je hoeft dus niet te komen. De dienst staat niet meer op je rooster.",
        buttonLabel: "Bekijk mijn diensten",
      },
      en: {
        subject: "Shift cancelled: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "This shift has been cancelled:\n{dienst}\n\n" +
          "So you don't need to come. The shift is no longer on your roster.",
        buttonLabel: "View my shifts",
      },
    },
  },
  "shift-changed": {
    audience: "member",
    description: { nl: "De tijd, datum of plaats van je dienst is gewijzigd", en: "The time, date or place of your shift changed" },
    placeholders: ["voornaam", "eerder", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Dienst gewijzigd: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Een dienst waarvoor je bent ingeroosterd is gewijzigd.\n\n" +
          "Was:\n{eerder}\n\n" +
          "Wordt:\n{dienst}\n\n" +
          "Staat de dienst in je agenda? Zet hem er dan opnieuw in met de link onder de knop; dan klopt de tijd weer. " +
          "Kun je niet meer? Vraag dan een collega om de dienst over te nemen. Dat doe je op je eigen pagina met de knop ‘Overdragen’.",
        buttonLabel: "Bekijk de dienst",
      },
      en: {
        subject: "Shift changed: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "A shift you're on the roster for has changed.\n\n" +
          "Was:\n{eerder}\n\n" +
          "Now:\n{dienst}\n\n" +
          "Is the shift in your calendar? Add it again with the link under the button so the time is right again. " +
          "Can't make it any more? Ask a colleague to take the shift over. You do that on your own page with the ‘Hand over’ button.",
        buttonLabel: "View the shift",
      },
    },
  },
  "shift-signed-up": {
    audience: "member",
    description: { nl: "Bevestiging: je hebt je zelf ingeschreven voor een dienst", en: "Confirmation: you signed up for a shift yourself" },
    placeholders: ["voornaam", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je bent ingeschreven: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je hebt je ingeschreven voor deze dienst:\n{dienst}\n\n" +
          "Zet de dienst in je agenda met de link onder de knop. Vandaag kun je je nog zelf uitschrijven; daarna vraag je een collega om de dienst over te nemen.",
        buttonLabel: "Bekijk de dienst",
      },
      en: {
        subject: "You signed up: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "You signed up for this shift:\n{dienst}\n\n" +
          "Add the shift to your calendar with the link under the button. Today you can still sign off yourself; after that, ask a colleague to take the shift over.",
        buttonLabel: "View the shift",
      },
    },
  },
  "shift-signed-off": {
    audience: "member",
    description: { nl: "Bevestiging: je hebt je zelf uitgeschreven voor een dienst", en: "Confirmation: you signed off from a shift yourself" },
    placeholders: ["voornaam", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je bent uitgeschreven: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je hebt je uitgeschreven voor deze dienst:\n{dienst}\n\n" +
          "Je hoeft dus niet te komen. Staat de dienst in je agenda? Open dan de link onder de knop; dan haalt je agenda hem eruit.",
        buttonLabel: "Bekijk mijn diensten",
      },
      en: {
        subject: "You signed off: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "You signed off from this shift:\n{dienst}\n\n" +
          "So you don't need to come. Is the shift in your calendar? Open the link under the button and your calendar takes it out.",
        buttonLabel: "View my shifts",
      },
    },
  },
  "handover-request": {
    audience: "member",
    description: { nl: "Een collega vraagt of je een dienst wilt overnemen", en: "A colleague asks you to take over a shift" },
    placeholders: ["voornaam", "collega", "dienst", "bericht", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "{collega} vraagt of je een dienst wilt overnemen",
        body:
          "Hoi {voornaam},\n\n" +
          "{collega} kan niet en vraagt of jij deze dienst wilt overnemen:\n{dienst}\n\n" +
          "Wil je dat? Klik op de knop en druk daarna op ‘Overnemen’. Wie het eerst op ‘Overnemen’ drukt, krijgt de dienst.",
        buttonLabel: "Bekijk de dienst",
      },
      en: {
        subject: "{collega} asks if you can take over a shift",
        body:
          "Hi {voornaam},\n\n" +
          "{collega} can't make it and asks if you can take over this shift:\n{dienst}\n\n" +
          "Want to? Click the button, then press ‘Take over’. The first person to press ‘Take over’ gets the shift.",
        buttonLabel: "View the shift",
      },
    },
  },
  "handover-accepted-requester": {
    audience: "member",
    description: { nl: "Aan de aanvrager: je dienst is overgenomen", en: "To the requester: your shift was taken over" },
    placeholders: ["voornaam", "collega", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je dienst is overgenomen: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Goed nieuws: {collega} neemt deze dienst van je over:\n{dienst}\n\n" +
          "De dienst staat nu niet meer op jouw rooster.",
        buttonLabel: "Bekijk mijn diensten",
      },
      en: {
        subject: "Your shift was taken over: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "Good news: {collega} is taking over this shift from you:\n{dienst}\n\n" +
          "The shift is no longer on your roster.",
        buttonLabel: "View my shifts",
      },
    },
  },
  "handover-accepted-taker": {
    audience: "member",
    description: { nl: "Aan wie overneemt: de dienst is nu van jou", en: "To the taker: the shift is now yours" },
    placeholders: ["voornaam", "collega", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je neemt een dienst over: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "Bedankt! Je neemt deze dienst over van {collega}:\n{dienst}\n\n" +
          "De dienst staat nu op je rooster.",
        buttonLabel: "Bekijk mijn diensten",
      },
      en: {
        subject: "You're taking over a shift: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "Thank you! You're taking over this shift from {collega}:\n{dienst}\n\n" +
          "The shift is now on your roster.",
        buttonLabel: "View my shifts",
      },
    },
  },
  "handover-already-taken": {
    audience: "member",
    description: { nl: "Een gevraagde dienst is al door iemand anders overgenomen", en: "A requested shift was already taken by someone else" },
    placeholders: ["voornaam", "collega", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Dienst is al overgenomen: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "{collega} vroeg of je een dienst wilde overnemen. Iemand anders heeft die dienst al overgenomen:\n{dienst}\n\n" +
          "Je hoeft niets meer te doen. Bedankt dat je wilde helpen!",
        buttonLabel: "Bekijk open diensten",
      },
      en: {
        subject: "Shift already taken: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "{collega} asked if you could take over a shift. Someone else has already taken it:\n{dienst}\n\n" +
          "You don't need to do anything. Thanks for being willing to help!",
        buttonLabel: "View open shifts",
      },
    },
  },
  "handover-withdrawn": {
    audience: "member",
    description: { nl: "Een collega vraagt het overnemen van een dienst niet meer", en: "A colleague no longer asks to take over a shift" },
    placeholders: ["voornaam", "collega", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Niet meer nodig: {dienst}",
        body:
          "Hoi {voornaam},\n\n" +
          "{collega} vroeg of je een dienst wilde overnemen, maar heeft die vraag ingetrokken:\n{dienst}\n\n" +
          "Je hoeft niets meer te doen. Bedankt dat je wilde meedenken!",
        buttonLabel: "Bekijk open diensten",
      },
      en: {
        subject: "No longer needed: {dienst}",
        body:
          "Hi {voornaam},\n\n" +
          "{collega} asked if you could take over a shift, but has withdrawn the request:\n{dienst}\n\n" +
          "You don't need to do anything. Thanks for thinking along!",
        buttonLabel: "View open shifts",
      },
    },
  },
  "handover-coordinator": {
    audience: "coordinator",
    description: { nl: "Aan de coördinator: een dienst is overgenomen", en: "To the coordinator: a shift was taken over" },
    placeholders: ["naam", "collega", "dienst", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Dienst overgenomen: {dienst}",
        body:
          "Hallo,\n\n" +
          "{naam} heeft deze dienst overgenomen van {collega}:\n{dienst}\n\n" +
          "Het rooster is al bijgewerkt. Je hoeft niets te doen.",
        buttonLabel: "Bekijk de dienst",
      },
      en: {
        subject: "Shift taken over: {dienst}",
        body:
          "Hello,\n\n" +
          "{naam} has taken over this shift from {collega}:\n{dienst}\n\n" +
          "The roster is already up to date. There is nothing you need to do.",
        buttonLabel: "View the shift",
      },
    },
  },
  "access-blocked": {
    audience: "member",
    description: { nl: "Je toegang is geblokkeerd", en: "Your access was blocked" },
    placeholders: ["voornaam", "organisatie"],
    // No button: every link stops working the moment access is blocked.
    hasButton: false,
    defaults: {
      nl: {
        subject: "Je toegang tot {organisatie} is geblokkeerd",
        body:
          "Hoi {voornaam},\n\n" +
          "Je kunt op dit moment niet meer inloggen bij {organisatie}. Knoppen en links in eerdere e-mails werken ook niet meer.\n\n" +
          "Denk je dat dit niet klopt, of heb je vragen? Neem dan contact op met je coördinator.",
        buttonLabel: null,
      },
      en: {
        subject: "Your access to {organisatie} has been blocked",
        body:
          "Hi {voornaam},\n\n" +
          "You can't sign in to {organisatie} at the moment. Buttons and links in earlier emails no longer work either.\n\n" +
          "Think this is a mistake, or have questions? Please contact your coordinator.",
        buttonLabel: null,
      },
    },
  },
  "access-unblocked": {
    audience: "member",
    description: { nl: "Je kunt weer inloggen", en: "You can sign in again" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je kunt weer inloggen bij {organisatie}",
        body:
          "Hoi {voornaam},\n\n" +
          "Je account is weer actief. Je logt in met je gebruikersnaam ({gebruikersnaam}) en je eigen wachtwoord, of meteen met de groene knop. De knop werkt 7 dagen.",
        buttonLabel: "Direct inloggen",
      },
      en: {
        subject: "You can sign in to {organisatie} again",
        body:
          "Hi {voornaam},\n\n" +
          "Your account is active again. Sign in with your username ({gebruikersnaam}) and your own password, or straight away with the green button. The button works for 7 days.",
        buttonLabel: "Sign in now",
      },
    },
  },
  "authenticator-removed": {
    audience: "member",
    description: { nl: "Een coördinator heeft je authenticator-app gewist", en: "A coordinator removed your authenticator app" },
    placeholders: ["voornaam", "organisatie"],
    // No button: the member needs nothing but a sign-in, and a warning should not look like a link to click.
    hasButton: false,
    defaults: {
      nl: {
        subject: "Je authenticator-app bij {organisatie} is gewist",
        body:
          "Hoi {voornaam},\n\n" +
          "Een coördinator van {organisatie} heeft de authenticator-app van je account gewist, bijvoorbeeld omdat je telefoon kwijt is of je een nieuwe hebt. " +
          "Bij de volgende keer inloggen vragen we weer de gewone controle. Op Mijn account kun je een nieuwe app instellen.\n\n" +
          "Heb je hier niet om gevraagd? Neem dan meteen contact op met je coördinator.",
        buttonLabel: null,
      },
      en: {
        subject: "Your authenticator app at {organisatie} was removed",
        body:
          "Hi {voornaam},\n\n" +
          "A coordinator of {organisatie} removed the authenticator app from your account, for instance because you lost your phone or have a new one. " +
          "Your next sign-in uses the usual check again. You can set up a new app on My account.\n\n" +
          "Did you not ask for this? Then contact your coordinator right away.",
        buttonLabel: null,
      },
    },
  },
  "account-locked": {
    audience: "member",
    description: { nl: "Account op slot na te veel verkeerde wachtwoorden", en: "Account locked after too many wrong passwords" },
    placeholders: ["voornaam", "gebruikersnaam", "organisatie"],
    // The button signs in (a 7-day link, like every member email): it proves the mailbox, which the
    // lock does not doubt. It does not unlock the password; a reset or the coordinator does.
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je account bij {organisatie} is op slot gezet",
        body:
          "Hoi {voornaam},\n\n" +
          "Er is een paar keer achter elkaar een verkeerd wachtwoord ingevuld voor je account {gebruikersnaam}. Daarom kun je nu niet met je wachtwoord inloggen.\n\n" +
          "Met de groene knop hieronder log je direct in, zonder wachtwoord. De knop werkt 7 dagen.\n\n" +
          "Inloggen met je wachtwoord kan weer als je op de inlogpagina via ‘Wachtwoord vergeten?’ een nieuw wachtwoord kiest, of als je coördinator je account weer openzet.\n\n" +
          "Was jij het niet? Kies dan zeker een nieuw wachtwoord.",
        buttonLabel: "Direct inloggen",
      },
      en: {
        subject: "Your account at {organisatie} has been locked",
        body:
          "Hi {voornaam},\n\n" +
          "A wrong password was entered several times in a row for your account {gebruikersnaam}. That's why you can't sign in with your password right now.\n\n" +
          "The green button below signs you in straight away, without a password. It works for 7 days.\n\n" +
          "Signing in with your password works again once you choose a new password through ‘Forgot password?’ on the sign-in page, or once your coordinator unlocks your account.\n\n" +
          "Wasn't that you? Then be sure to choose a new password.",
        buttonLabel: "Sign in now",
      },
    },
  },
  "account-locked-coordinator": {
    audience: "coordinator",
    description: { nl: "Aan de coördinator: een account staat op slot", en: "To the coordinator: an account was locked" },
    placeholders: ["naam", "gebruikersnaam", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Account op slot: {naam}",
        body:
          "Hallo,\n\n" +
          "Voor het account {gebruikersnaam} van {naam} is een paar keer achter elkaar een verkeerd wachtwoord ingevuld. Inloggen met een wachtwoord staat daarom op slot.\n\n" +
          "Heeft {naam} een e-mailadres, dan heeft die een e-mail gekregen met een inlogknop en kan die zelf een nieuw wachtwoord kiezen. " +
          "Weet je dat {naam} het zelf was, dan kun je het account ook weer openzetten bij Personen & logins. Lijkt het erop dat iemand anders probeerde in te loggen, laat het dan op slot.",
        buttonLabel: "Bekijk accounts op slot",
      },
      en: {
        subject: "Account locked: {naam}",
        body:
          "Hello,\n\n" +
          "A wrong password was entered several times in a row for {naam}'s account {gebruikersnaam}. Signing in with a password is therefore locked.\n\n" +
          "If {naam} has an email address, they got an email with a sign-in button and can choose a new password themselves. " +
          "If you know it was {naam}, you can also unlock the account under People & logins. If it looks like someone else tried to sign in, leave it locked.",
        buttonLabel: "View locked accounts",
      },
    },
  },
  "hours-reminder": {
    audience: "member",
    description: { nl: "Herinnering om je uren te bevestigen", en: "Reminder to confirm your hours" },
    placeholders: ["voornaam", "week", "deadline", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Wil je je uren van {week} bevestigen?",
        body:
          "Hoi {voornaam},\n\n" +
          "Je hebt je uren van {week} nog niet bevestigd. Wil je ze nakijken en op ‘Bevestig’ drukken? Dat kan tot {deadline}.\n\n" +
          "Klopt er iets niet? Stuur dan vanuit die week een correctieverzoek.",
        buttonLabel: "Uren bekijken",
      },
      en: {
        subject: "Please confirm your hours of {week}",
        body:
          "Hi {voornaam},\n\n" +
          "You haven't confirmed your hours of {week} yet. Please check them and press ‘Confirm’. You can do so until {deadline}.\n\n" +
          "Something not right? Then send a correction request from that week.",
        buttonLabel: "View hours",
      },
    },
  },
  "hours-sent-back": {
    audience: "member",
    description: { nl: "Je uren zijn teruggestuurd met een opmerking", en: "Your hours were sent back with a comment" },
    placeholders: ["voornaam", "week", "opmerking", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Je uren van {week} zijn teruggestuurd",
        body:
          "Hoi {voornaam},\n\n" +
          "Je coördinator heeft je uren van {week} teruggestuurd. Hieronder staat waarom. Wil je ze nakijken en opnieuw bevestigen?",
        buttonLabel: "Uren bekijken",
      },
      en: {
        subject: "Your hours of {week} were sent back",
        body:
          "Hi {voornaam},\n\n" +
          "Your coordinator sent your hours of {week} back. The reason is below. Please check them and confirm them again.",
        buttonLabel: "View hours",
      },
    },
  },
  "correction-request": {
    audience: "coordinator",
    description: { nl: "Aan de planner: een vrijwilliger vraagt om een correctie van uren", en: "To the planner: a member asks for an hours correction" },
    placeholders: ["naam", "week", "bericht", "organisatie"],
    hasButton: true,
    defaults: {
      nl: {
        subject: "Correctieverzoek uren: {naam}, {week}",
        body:
          "Hallo,\n\n" +
          "{naam} vraagt om een correctie van de uren van {week}. Het bericht staat hieronder.\n\n" +
          "Bekijk de week en pas de uren aan als dat nodig is.",
        buttonLabel: "Uren bekijken",
      },
      en: {
        subject: "Hours correction request: {naam}, {week}",
        body:
          "Hello,\n\n" +
          "{naam} asks for a correction of the hours of {week}. The message is below.\n\n" +
          "Please review the week and adjust the hours if needed.",
        buttonLabel: "View hours",
      },
    },
  },
} as const satisfies Record<string, TemplateDefinition>;

export type EmailTemplate = keyof typeof emailTemplates;
export type PlaceholderOf<T extends EmailTemplate> = (typeof emailTemplates)[T]["placeholders"][number];
/** The value of every placeholder a template allows; the sender must supply them all. */
export type PlaceholderValues<T extends EmailTemplate> = Record<PlaceholderOf<T>, string>;

export const emailTemplateKeys = Object.keys(emailTemplates) as EmailTemplate[];

export function isEmailTemplate(value: unknown): value is EmailTemplate {
  return typeof value === "string" && Object.hasOwn(emailTemplates, value);
}

/**
 * Fixed words of the email layout (not customisable): labels beside values that must always reach the
 * reader, the fallback link and the footer.
 */
export const layoutTexts = {
  nl: {
    fallbackLink: "Werkt de knop niet? Kopieer dan deze link en plak hem in je browser:",
    doNotForward: "Stuur deze e-mail niet door: met de knop kan iedereen als jou inloggen.",
    addToCalendar: "Zet deze dienst in je agenda",
    footer: (organisation: string) => `Je krijgt deze e-mail van ${organisation}.`,
    detailLabels: {
      username: "Gebruikersnaam",
      temporaryPassword: "Tijdelijk wachtwoord",
      code: "Inlogcode",
      message: "Bericht",
      comment: "Opmerking",
    },
  },
  en: {
    fallbackLink: "Button not working? Copy this link and paste it into your browser:",
    doNotForward: "Please don't forward this email: anyone can sign in as you with its button.",
    addToCalendar: "Add this shift to your calendar",
    footer: (organisation: string) => `You receive this email from ${organisation}.`,
    detailLabels: {
      username: "Username",
      temporaryPassword: "Temporary password",
      code: "Sign-in code",
      message: "Message",
      comment: "Comment",
    },
  },
} as const satisfies Record<EmailLocale, unknown>;

export type EmailDetailKey = keyof (typeof layoutTexts)["nl"]["detailLabels"];

// A placeholder is anything between braces; stray single braces are ordinary text.
const placeholderPattern = /\{([^{}]*)\}/g;

function placeholdersIn(text: string): string[] {
  return Array.from(text.matchAll(placeholderPattern), (match) => match[1]);
}

function allowedPlaceholders(template: EmailTemplate): ReadonlySet<string> {
  return new Set<string>(emailTemplates[template].placeholders);
}

export type TextValidation = { ok: true } | { ok: false; unknownPlaceholders: string[]; message: string };

function joinWords(words: string[], and: string): string {
  return words.length <= 1 ? words.join("") : `${words.slice(0, -1).join(", ")} ${and} ${words.at(-1)}`;
}

/** Checks a subject, body or button label an admin typed; the message is written for that admin. */
export function validateTemplateText(template: EmailTemplate, text: string, locale: EmailLocale = defaultEmailLocale): TextValidation {
  const allowed = allowedPlaceholders(template);
  const unknown = [...new Set(placeholdersIn(text).filter((name) => !allowed.has(name)))];
  if (unknown.length === 0) return { ok: true };
  const shown = unknown.map((name) => `{${name}}`);
  const usable = emailTemplates[template].placeholders.map((name) => `{${name}}`).join(", ");
  const message =
    locale === "en"
      ? `Unknown placeholder${unknown.length > 1 ? "s" : ""} ${joinWords(shown, "and")}. You can use: ${usable}.`
      : `Onbekende placeholder${unknown.length > 1 ? "s" : ""} ${joinWords(shown, "en")}. Je kunt gebruiken: ${usable}.`;
  return { ok: false, unknownPlaceholders: unknown, message };
}

/**
 * Substitutes the template's placeholders. Throws on a placeholder the template does not allow: stored
 * texts are validated on save and again when resolved, so reaching this is a programming error.
 * The result is plain text; it is escaped where it is rendered (React text children).
 */
export function fillPlaceholders<T extends EmailTemplate>(template: T, text: string, values: PlaceholderValues<T>): string {
  const allowed = allowedPlaceholders(template);
  const lookup: Record<string, string> = values;
  return text.replace(placeholderPattern, (_match, name: string) => {
    if (!allowed.has(name)) throw new Error(`Template ${template} has no placeholder {${name}}`);
    return lookup[name];
  });
}

/**
 * A value as literal text inside the body's markdown: a member's name or message can never turn into
 * bold text or a link, whatever it contains.
 */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_[\]~]/g, (character) => `\\${character}`);
}

/**
 * Fills all three parts. Subjects are one line: newlines from values never reach a mail header. The
 * body stays markdown (lib/mail/markdown.ts renders it), with the values escaped as literal text.
 */
export function renderEmailTexts<T extends EmailTemplate>(template: T, texts: EmailTexts, values: PlaceholderValues<T>): EmailTexts {
  const escaped = Object.fromEntries(Object.entries(values).map(([name, value]) => [name, escapeMarkdown(String(value))])) as PlaceholderValues<T>;
  return {
    subject: fillPlaceholders(template, texts.subject, values).replace(/\s+/g, " ").trim(),
    body: fillPlaceholders(template, texts.body, escaped),
    buttonLabel: texts.buttonLabel === null ? null : fillPlaceholders(template, texts.buttonLabel, values).replace(/\s+/g, " ").trim(),
  };
}

export function defaultEmailTexts(template: EmailTemplate, locale: EmailLocale): EmailTexts {
  return emailTemplates[template].defaults[locale];
}

export type EmailTextField = keyof EmailTexts;
export const emailTextFields: readonly EmailTextField[] = ["subject", "body", "buttonLabel"];

/** Longest text an admin may save per field, in characters: a subject fits a phone's inbox line twice over. */
export const emailTextLimits: Record<EmailTextField, number> = { subject: 200, body: 5000, buttonLabel: 60 };

// Single-line fields allow no control character at all (a newline in a subject would reach a mail header).
const singleLineControl = /[\u0000-\u001F\u007F-\u009F]/;
const multiLineControl = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

const fieldNames: Record<EmailLocale, Record<EmailTextField, string>> = {
  nl: { subject: "Het onderwerp", body: "De tekst", buttonLabel: "De tekst op de knop" },
  en: { subject: "The subject", body: "The text", buttonLabel: "The button label" },
};

/**
 * The one rule for a subject, body or button label an admin saves, and for a stored override when it
 * is used: not empty, one line for subject and button, not too long, and only the template's
 * placeholders. The message is written for the admin, in their language.
 */
export function validateEmailTextField(template: EmailTemplate, field: EmailTextField, text: string, locale: EmailLocale = defaultEmailLocale): TextValidation {
  const name = fieldNames[locale][field];
  const fail = (nl: string, en: string): TextValidation => ({ ok: false, unknownPlaceholders: [], message: locale === "en" ? en : nl });
  if (text.trim() === "") return fail(`${name} mag niet leeg zijn.`, `${name} cannot be empty.`);
  if (field !== "body" && singleLineControl.test(text)) return fail(`${name} moet op één regel staan, zonder enters of tabs.`, `${name} must be a single line, without line breaks or tabs.`);
  if (field === "body" && multiLineControl.test(text)) return fail(`${name} bevat onzichtbare tekens. Typ de tekst opnieuw in plaats van hem te plakken.`, `${name} contains invisible characters. Type the text instead of pasting it.`);
  const limit = emailTextLimits[field];
  if (text.length > limit) return fail(`${name} is te lang: hoogstens ${limit} tekens, nu ${text.length}.`, `${name} is too long: at most ${limit} characters, now ${text.length}.`);
  return validateTemplateText(template, text, locale);
}

/** Example values for the live preview and the test email, per placeholder and language. */
export const placeholderSamples: Record<Placeholder, Record<EmailLocale, string>> = {
  voornaam: { nl: "Sanne", en: "Sanne" },
  gebruikersnaam: { nl: "sanne.jansen", en: "sanne.jansen" },
  organisatie: { nl: "Buurthuis De Linde", en: "Buurthuis De Linde" },
  dienst: { nl: "Bardienst, Buurthuis De Linde, zaterdag 14 maart 14:00–18:00", en: "Bar shift, Buurthuis De Linde, Saturday 14 March 14:00–18:00" },
  eerder: { nl: "Bardienst, Buurthuis De Linde, zaterdag 14 maart 13:00–17:00", en: "Bar shift, Buurthuis De Linde, Saturday 14 March 13:00–17:00" },
  code: { nl: "123456", en: "123456" },
  collega: { nl: "Pieter de Vries", en: "Pieter de Vries" },
  bericht: { nl: "Ik ben die dag jarig. Wie kan er voor me invallen?", en: "It's my birthday that day. Who can stand in for me?" },
  week: { nl: "week 12 (17 t/m 23 maart)", en: "week 12 (17–23 March)" },
  deadline: { nl: "maandag 24 maart 09:00", en: "Monday 24 March 09:00" },
  opmerking: { nl: "Op dinsdag was je er tot 17:00, niet tot 18:00.", en: "On Tuesday you stayed until 17:00, not 18:00." },
  naam: { nl: "Sanne Jansen", en: "Sanne Jansen" },
};

/** The sample values of one template, with the organisation's own name for {organisatie}. */
export function sampleValues<T extends EmailTemplate>(template: T, locale: EmailLocale, organisationName: string): PlaceholderValues<T> {
  const placeholders: readonly Placeholder[] = emailTemplates[template].placeholders;
  return Object.fromEntries(
    placeholders.map((name) => [name, name === "organisatie" ? organisationName : placeholderSamples[name][locale]]),
  ) as PlaceholderValues<T>;
}
