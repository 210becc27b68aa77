package org.jobguard.telegram;

import org.jobguard.checker.Language;
import org.jobguard.contacts.Confidence;
import org.jobguard.contacts.HelpAnswer;
import org.jobguard.contacts.HelpContact;
import org.jobguard.contacts.HelpDirectory;
import org.jobguard.i18n.Messages;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardRow;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The bot side of the help directory: two questions with buttons (where is the person, whose citizen are
 * they), then the numbers with what each is for, its source and the day it was verified, and the advice for
 * relatives. Button data carries only country codes ({@code cl:MM}, {@code cn:MM:CN}), so no state is kept.
 * Numbers are printed in international form on their own: Telegram clients turn those into tap-to-call
 * links (the Bot API refuses {@code tel:} hrefs).
 */
final class ContactsFlow {
    /** What to show: HTML text and its buttons (null for none). */
    record Screen(String html, InlineKeyboardMarkup keyboard) {
    }

    private static final String UNSURE = "-";
    private static final int PER_ROW = 3;

    private final HelpDirectory directory;
    private final Messages messages;

    ContactsFlow(HelpDirectory directory, Messages messages) {
        this.directory = directory;
        this.messages = messages;
    }

    Screen askLocation(Language lang) {
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (String code : directory.locations()) {
            buttons.add(button(countryName(lang, code), "cl:" + code));
        }
        buttons.add(button(messages.get(lang, "contacts.ask.other"), "cl:" + UNSURE));
        return new Screen(messages.get(lang, "contacts.ask.location"), grid(buttons));
    }

    /** The answer to a {@code cl:} or {@code cn:} button, or empty when the data is not the flow's. */
    Optional<Screen> onButton(String data, Language lang) {
        String[] parts = data.split(":");
        if (parts.length == 2 && parts[0].equals("cl") && valid(parts[1])) {
            return Optional.of(askNationality(lang, parts[1]));
        }
        if (parts.length == 3 && parts[0].equals("cn") && valid(parts[1]) && valid(parts[2])) {
            return Optional.of(new Screen(answer(directory.lookup(code(parts[1]), code(parts[2])), lang), null));
        }
        return Optional.empty();
    }

    /** A relative's own words ("我儿子在妙瓦底…"): the place and nationality they name decide the numbers. */
    Screen forMessage(String text, List<String> countriesNamed, Language lang) {
        // a relative writing about someone held: the lines they can dial from home first
        HelpAnswer answer = directory.answer(text, countriesNamed).reachableFromAbroadFirst();
        InlineKeyboardMarkup refine = answer.location().isPresent() && answer.nationality().isPresent() ? null
                : grid(List.of(button(messages.get(lang, "tg.button.contacts"), "c")));
        return new Screen(answer(answer, lang), refine);
    }

    private Screen askNationality(Language lang, String location) {
        List<InlineKeyboardButton> buttons = new ArrayList<>();
        for (String code : directory.nationalities()) {
            buttons.add(button(countryName(lang, code), "cn:" + location + ":" + code));
        }
        buttons.add(button(messages.get(lang, "contacts.ask.other"), "cn:" + location + ":" + UNSURE));
        return new Screen(messages.get(lang, "contacts.ask.nationality"), grid(buttons));
    }

    String answer(HelpAnswer a, Language lang) {
        List<String> head = new ArrayList<>();
        head.add("<b>" + messages.get(lang, "contacts.title") + "</b>");
        a.place().ifPresentOrElse(
                p -> head.add(messages.format(lang, "contacts.place", "place", Html.escape(p.name(lang)))),
                () -> a.location().ifPresent(l -> head.add(messages.format(lang, "contacts.place",
                        "place", countryName(lang, l)))));
        for (String note : a.noteKeys()) {
            head.add("<i>" + messages.get(lang, note) + "</i>");
        }
        StringBuilder advice = new StringBuilder("<b>" + messages.get(lang, "contacts.advice.title") + "</b>");
        for (String key : a.adviceKeys()) {
            advice.append("\n• ").append(messages.get(lang, key));
        }
        String headText = String.join("\n", head);
        int budget = ReplyComposer.LIMIT - headText.length() - advice.length() - 8;
        StringBuilder list = new StringBuilder();
        if (a.contacts().isEmpty()) {
            list.append(messages.get(lang, "contacts.none"));
        }
        for (HelpContact c : a.contacts()) {
            String line = line(c, lang);
            if (list.length() + line.length() + 2 > budget) {
                break;
            }
            if (list.length() > 0) {
                list.append("\n\n");
            }
            list.append(line);
        }
        return headText + "\n\n" + list + "\n\n" + advice;
    }

    private String line(HelpContact c, Language lang) {
        StringBuilder b = new StringBuilder("<b>").append(messages.get(lang, "contacts.kind." + c.kind().id()))
                .append("</b>: ").append(Html.escape(c.label(lang)));
        c.phone().ifPresent(p -> {
            b.append("\n☎️ ").append(Html.escape(p.dial()));
            if (p.shortCode()) {
                b.append(" (").append(messages.format(lang, "contacts.short_code",
                        "country", countryName(lang, p.region()))).append(')');
            }
        });
        c.link().ifPresent(l -> b.append("\n🔗 ").append(Html.escape(l)));
        b.append("\n").append(messages.format(lang, "contacts.verified", "date", c.verified())).append(" · ");
        if (c.source().startsWith("https://") || c.source().startsWith("http://")) {
            b.append("<a href=\"").append(Html.escape(c.source())).append("\">")
                    .append(messages.get(lang, "contacts.source")).append("</a>");
        } else {
            b.append(messages.get(lang, "contacts.source")).append(": ").append(Html.escape(c.source()));
        }
        if (c.confidence() == Confidence.LOW) {
            b.append("\n⚠️ ").append(messages.get(lang, "contacts.confidence.low"));
        }
        return b.toString();
    }

    private String countryName(Language lang, String code) {
        String key = "contacts.country." + code;
        return messages.has(Language.EN, key) ? messages.get(lang, key) : code;
    }

    private static Optional<String> code(String part) {
        return part.equals(UNSURE) ? Optional.empty() : Optional.of(part);
    }

    private static boolean valid(String part) {
        return part.equals(UNSURE) || part.matches("[A-Z]{2}");
    }

    private static InlineKeyboardButton button(String label, String data) {
        return InlineKeyboardButton.builder().text(label).callbackData(data).build();
    }

    private static InlineKeyboardMarkup grid(List<InlineKeyboardButton> buttons) {
        InlineKeyboardMarkup.InlineKeyboardMarkupBuilder<?, ?> b = InlineKeyboardMarkup.builder();
        for (int i = 0; i < buttons.size(); i += PER_ROW) {
            b.keyboardRow(new InlineKeyboardRow(buttons.subList(i, Math.min(buttons.size(), i + PER_ROW))));
        }
        return b.build();
    }
}
