package com.clickairtime.balance.openapi.changes;

import dk.brics.automaton.Automaton;
import dk.brics.automaton.RegExp;

import java.util.Optional;

/**
 * Compares two regular expressions as the sets of strings they accept, with finite automata
 * (dk.brics.automaton): {@code ^ce_live_[A-Za-z0-9]{32}$} to {@code ^ce_live_[a-z0-9]{32}$}
 * accepts less, so keys that passed before are now refused. JSON Schema patterns are unanchored
 * searches; ECMA escapes the automaton library does not know ({@code \d}, {@code \w},
 * {@code \s}) are spelled out first. A pattern it still cannot read gives no verdict.
 */
final class PatternLanguages {

    private PatternLanguages() {
    }

    /** How {@code after} compares with {@code before}, or empty when either cannot be read. */
    static Optional<Effect> compare(String before, String after) {
        Optional<Automaton> old = automaton(before);
        Optional<Automaton> now = automaton(after);
        if (old.isEmpty() || now.isEmpty()) {
            return Optional.empty();
        }
        boolean keepsAll = old.get().subsetOf(now.get());
        boolean addsNone = now.get().subsetOf(old.get());
        if (keepsAll && addsNone) {
            return Optional.of(Effect.SAME);
        }
        return Optional.of(keepsAll ? Effect.WIDER : addsNone ? Effect.NARROWER : Effect.DIFFERENT);
    }

    private static Optional<Automaton> automaton(String pattern) {
        String regex = pattern;
        boolean anchoredStart = regex.startsWith("^");
        boolean anchoredEnd = regex.endsWith("$") && !regex.endsWith("\\$");
        if (anchoredStart) {
            regex = regex.substring(1);
        }
        if (anchoredEnd) {
            regex = regex.substring(0, regex.length() - 1);
        }
        regex = translate(regex);
        if (regex == null) {
            return Optional.empty();
        }
        // An unanchored JSON Schema pattern matches anywhere in the value.
        String any = "(.|\\n)*";
        regex = (anchoredStart ? "" : any) + "(" + regex + ")" + (anchoredEnd ? "" : any);
        try {
            return Optional.of(new RegExp(regex, RegExp.NONE).toAutomaton());
        } catch (IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    /**
     * ECMA-262 syntax into the automaton library's: class escapes spelled out, characters that
     * are special only to it ({@code " < > @ # ~ &}) escaped; anything it cannot express (anchors
     * inside, look-around, back-references) gives null.
     */
    private static String translate(String regex) {
        StringBuilder out = new StringBuilder();
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                char next = regex.charAt(++i);
                String spelled = switch (next) {
                    case 'd' -> "0-9";
                    case 'w' -> "A-Za-z0-9_";
                    case 's' -> " \t\n\r\f\u000B";
                    case 't' -> "\t";
                    case 'n' -> "\n";
                    case 'r' -> "\r";
                    default -> null;
                };
                if (spelled != null) {
                    boolean single = spelled.length() == 1;
                    out.append(inClass || single ? spelled : "[" + spelled + "]");
                } else if ("DWSbB".indexOf(next) >= 0 || Character.isDigit(next)) {
                    return null;
                } else {
                    out.append('\\').append(next);
                }
            } else if (inClass) {
                inClass = c != ']';
                out.append("\"<>@#~&".indexOf(c) >= 0 ? "\\" + c : String.valueOf(c));
            } else if (c == '[') {
                inClass = true;
                out.append(c);
                if (i + 1 < regex.length() && regex.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                }
            } else if (c == '^' || c == '$') {
                return null;
            } else if (c == '(' && i + 1 < regex.length() && regex.charAt(i + 1) == '?') {
                if (!regex.startsWith("(?:", i)) {
                    return null;
                }
                out.append('(');
                i += 2;
            } else if ("\"<>@#~&".indexOf(c) >= 0) {
                out.append('\\').append(c);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
