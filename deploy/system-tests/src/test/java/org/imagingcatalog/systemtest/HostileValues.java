package org.imagingcatalog.systemtest;

import java.util.List;
import java.util.Random;

/**
 * Hostile and boundary text, drawn from a seeded {@link Random} so a failing run can be replayed.
 * Everything here is a string; what makes a request certainly invalid is chosen separately
 * (see {@link HostileCases}), so these values may land in any field.
 */
final class HostileValues {

    /** Script payloads: each would set {@code window.__pwned} or add an element if it ever ran or parsed. */
    static final List<String> SCRIPTS = List.of(
            "<script>window.__pwned=1</script>",
            "\"><script>window.__pwned=1</script>",
            "'><img src=x onerror=\"window.__pwned=1\">",
            "<svg/onload=window.__pwned=1>",
            "</textarea><script>window.__pwned=1</script>",
            "</title><script>window.__pwned=1</script>",
            "</script><script>window.__pwned=1</script>",
            "<iframe srcdoc=\"<script>parent.__pwned=1</script>\"></iframe>",
            "javascript:window.__pwned=1",
            "{{7*7}}${7*7}#{7*7}<%= 7*7 %>",
            "<a href=\"javascript:window.__pwned=1\">x</a>",
            "<style>*{display:none}</style>",
            "<!--",
            "]]><![CDATA[<script>window.__pwned=1</script>");

    static final List<String> SQL = List.of(
            "' OR '1'='1",
            "'; DROP TABLE submission; --",
            "\"; DELETE FROM resource_version; --",
            "1; SELECT pg_sleep(5)--",
            "' UNION SELECT submitter_email FROM submission --",
            "%' AND 1=1 --",
            "\\'; TRUNCATE entry; --",
            "$$; DROP TABLE entry; $$");

    static final List<String> TRAVERSAL = List.of(
            "../../etc/passwd",
            "..%2F..%2Fetc%2Fpasswd",
            "..%252F..%252Fetc%252Fpasswd",
            "%2e%2e%2f%2e%2e%2fetc%2fpasswd",
            "....//....//etc/passwd",
            "..\\..\\windows\\win.ini",
            "/etc/passwd",
            "file:///etc/passwd",
            "%00",
            "covid-chestxray-dataset%00.html",
            "covid-chestxray-dataset/../../q/metrics");

    static final List<String> UNICODE = List.of(
            "\u0000",
            "a\u0000b",
            "\u202Egnp.exe",
            "\uFEFFbom",
            "\uD83D\uDE00 emoji",
            "\uFFFD replacement",
            "\u2028line\u2029separator",
            "Zalgơ̸̡̖̗̘̙̜̝̞̟̠̤̥̦̩̪̫̬̭̮̯̰̱̲̳",
            "ｓｃｒｉｐｔ",
            "\u0007bell\u001b[31mred",
            "tab\there\r\nnewline",
            "\u200B\u200C\u200D");

    static final List<String> BOUNDARY = List.of(
            "", " ", "  \t ", "0", "-1", "-0", "1e308", "NaN", "Infinity", "null", "true", "[]", "{}",
            "2147483648", "-2147483649", "9223372036854775808", "99999999999999999999999999", "0x7f", "1.5",
            "Y", "N", "U", "y", "YES", "maybe");

    private final Random random;

    HostileValues(Random random) {
        this.random = random;
    }

    /** Any hostile text, sometimes very long. */
    String any() {
        int pick = random.nextInt(100);
        if (pick < 25) {
            return one(SCRIPTS);
        }
        if (pick < 40) {
            return one(SQL);
        }
        if (pick < 50) {
            return one(TRAVERSAL);
        }
        if (pick < 65) {
            return one(UNICODE);
        }
        if (pick < 80) {
            return one(BOUNDARY);
        }
        if (pick < 90) {
            return repeat(one(List.of("a", "é", "<", "'", "\uD83D\uDE00", "-")), boundaryLength());
        }
        return randomText(1 + random.nextInt(300));
    }

    /** A length at or just past a limit of the contract (names 200, ids 80, reasons 2000, text 5000 ...). */
    int boundaryLength() {
        int[] limits = { 1, 2, 3, 60, 61, 80, 81, 100, 101, 199, 200, 201, 254, 255, 2000, 2001, 4999, 5000, 5001, 20_000 };
        return limits[random.nextInt(limits.length)];
    }

    /** Random code points, control characters and unpaired surrogates included. */
    String randomText(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            int kind = random.nextInt(10);
            if (kind < 5) {
                s.append((char) (0x20 + random.nextInt(0x5f)));
            } else if (kind < 7) {
                s.append((char) random.nextInt(0x20));
            } else if (kind < 9) {
                s.appendCodePoint(0xa0 + random.nextInt(0x2ff00));
            } else {
                s.append((char) (0xd800 + random.nextInt(0x800)));
            }
        }
        return s.toString();
    }

    /** Bytes that are not UTF-8: stray continuation bytes, overlong forms, surrogates, 0xFF. */
    byte[] invalidUtf8() {
        byte[][] samples = {
                { (byte) 0xff, (byte) 0xfe },
                { (byte) 0xc3, (byte) 0x28 },
                { (byte) 0xc0, (byte) 0xaf },
                { (byte) 0xe0, (byte) 0x80, (byte) 0xaf },
                { (byte) 0xed, (byte) 0xa0, (byte) 0x80 },
                { (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80 },
                { (byte) 0x80 },
                { (byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80 } };
        return samples[random.nextInt(samples.length)];
    }

    <T> T one(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }

    static String repeat(String s, int times) {
        return s.repeat(Math.max(0, times));
    }
}
