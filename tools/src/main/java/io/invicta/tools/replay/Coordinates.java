package io.invicta.tools.replay;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses degrees-minutes-seconds coordinates such as {@code 3°42'43.91"O} or {@code 40º 24' 52''N}
 * (both the degree sign and the ordinal indicator, straight or typographic quotes, and two
 * apostrophes for seconds occur in real station lists).
 */
final class Coordinates {

    // Hemisphere letters in English, Spanish and Portuguese (O/Oeste = west).
    private static final Pattern DMS =
            Pattern.compile(
                    "\\s*(\\d{1,3})\\s*[°º]\\s*(\\d{1,2})\\s*['’′]\\s*(\\d{1,2}(?:[.,]\\d+)?)\\s*(?:\"|''|”|″)?\\s*([NSEWO])\\s*",
                    Pattern.CASE_INSENSITIVE);

    private Coordinates() {}

    static double parseDms(String text) {
        Matcher m = DMS.matcher(text);
        if (!m.matches()) {
            throw new RowRejectedException(
                    "bad-coordinate", "'" + text + "' is not degrees°minutes'seconds\"hemisphere");
        }
        double minutes = Integer.parseInt(m.group(2));
        double seconds = Double.parseDouble(m.group(3).replace(',', '.'));
        if (minutes >= 60 || seconds >= 60) {
            throw new RowRejectedException(
                    "bad-coordinate", "'" + text + "' has minutes or seconds ≥ 60");
        }
        double degrees = Integer.parseInt(m.group(1)) + minutes / 60 + seconds / 3600;
        char hemisphere = Character.toUpperCase(m.group(4).charAt(0));
        return hemisphere == 'S' || hemisphere == 'W' || hemisphere == 'O' ? -degrees : degrees;
    }
}
