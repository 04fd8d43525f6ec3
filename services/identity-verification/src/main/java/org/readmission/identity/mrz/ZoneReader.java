package org.readmission.identity.mrz;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Reads the fields of one recognised layout and checks them (ICAO Doc 9303 parts 4, 5 and 6). */
final class ZoneReader {

    private final MrzFormat format;
    private final String[] lines;
    private final LocalDate today;
    private final List<MrzProblem> problems = new ArrayList<>();

    ZoneReader(MrzFormat format, String[] lines, LocalDate today) {
        this.format = format;
        this.lines = lines;
        this.today = today;
    }

    MachineReadableZone read() {
        for (String line : lines) {
            if (!line.chars().allMatch(c -> CheckDigit.isMrzCharacter((char) c))) {
                problems.add(MrzProblem.INVALID_CHARACTER);
                break;
            }
        }
        String first = lines[0];
        String documentCode = first.substring(0, 2);
        if (!format.allowsDocumentCode(documentCode.charAt(0))) {
            problems.add(MrzProblem.UNEXPECTED_DOCUMENT_CODE);
        }
        String issuingState = first.substring(2, 5);
        if (!IcaoCodes.isKnown(issuingState)) {
            problems.add(MrzProblem.UNKNOWN_ISSUING_STATE);
        }
        return format == MrzFormat.TD1 ? td1(documentCode, issuingState) : td2OrTd3(documentCode, issuingState);
    }

    private MachineReadableZone td1(String documentCode, String issuingState) {
        String one = lines[0];
        String two = lines[1];
        String number = one.substring(5, 14);
        String numberCheck = one.substring(14, 15);
        String optional1 = one.substring(15, 30);
        if ("<".equals(numberCheck) && !optional1.startsWith("<")) {
            // long document number: the rest and its check digit continue in the optional data (part 5, note j)
            String rest = optional1.substring(0, optional1.indexOf('<') < 0 ? optional1.length() : optional1.indexOf('<'));
            number = number + rest.substring(0, rest.length() - 1);
            numberCheck = rest.substring(rest.length() - 1);
        }
        checkDigit(number, numberCheck.charAt(0), MrzProblem.DOCUMENT_NUMBER_CHECK_DIGIT);
        LocalDate birth = date(two.substring(0, 6), two.charAt(6), true);
        char sex = sex(two.charAt(7));
        LocalDate expiry = date(two.substring(8, 14), two.charAt(14), false);
        String nationality = nationality(two.substring(15, 18));
        String composite = one.substring(5, 30) + two.substring(0, 7) + two.substring(8, 15) + two.substring(18, 29);
        checkDigit(composite, two.charAt(29), MrzProblem.COMPOSITE_CHECK_DIGIT);
        String[] name = name(lines[2]);
        return zone(documentCode, issuingState, number, nationality, birth, sex, expiry, name,
                trimFiller(optional1) + trimFiller(two.substring(18, 29)));
    }

    private MachineReadableZone td2OrTd3(String documentCode, String issuingState) {
        String two = lines[1];
        int end = format.length() - 1;
        String number = two.substring(0, 9);
        checkDigit(number, two.charAt(9), MrzProblem.DOCUMENT_NUMBER_CHECK_DIGIT);
        String nationality = nationality(two.substring(10, 13));
        LocalDate birth = date(two.substring(13, 19), two.charAt(19), true);
        char sex = sex(two.charAt(20));
        LocalDate expiry = date(two.substring(21, 27), two.charAt(27), false);
        String optional;
        if (format == MrzFormat.TD3) {
            optional = two.substring(28, 42);
            char check = two.charAt(42);
            boolean empty = optional.chars().allMatch(c -> c == '<');
            if (!(empty && (check == '<' || check == '0'))) {
                checkDigit(optional, check, MrzProblem.OPTIONAL_DATA_CHECK_DIGIT);
            }
        } else {
            optional = two.substring(28, 35);
        }
        String composite = two.substring(0, 10) + two.substring(13, 20) + two.substring(21, end);
        checkDigit(composite, two.charAt(end), MrzProblem.COMPOSITE_CHECK_DIGIT);
        String[] name = name(lines[0].substring(5));
        return zone(documentCode, issuingState, number, nationality, birth, sex, expiry, name, trimFiller(optional));
    }

    private MachineReadableZone zone(String documentCode, String issuingState, String number, String nationality,
                                     LocalDate birth, char sex, LocalDate expiry, String[] name, String optional) {
        return new MachineReadableZone(format, trimFiller(documentCode), trimFiller(issuingState), trimFiller(number),
                nationality, birth, sex, expiry, name[0], name[1], optional, problems.stream().distinct().toList());
    }

    private void checkDigit(String field, char digit, MrzProblem problem) {
        if (!CheckDigit.verifies(field, digit)) {
            problems.add(problem);
        }
    }

    private String nationality(String field) {
        if (!IcaoCodes.isKnown(field)) {
            problems.add(MrzProblem.UNKNOWN_NATIONALITY);
        }
        return trimFiller(field);
    }

    private char sex(char c) {
        if (c != 'M' && c != 'F' && c != 'X' && c != '<') {
            problems.add(MrzProblem.INVALID_SEX);
        }
        return c == 'X' ? '<' : c;
    }

    private LocalDate date(String yymmdd, char check, boolean birth) {
        MrzProblem invalid = birth ? MrzProblem.INVALID_BIRTH_DATE : MrzProblem.INVALID_EXPIRY_DATE;
        checkDigit(yymmdd, check, birth ? MrzProblem.BIRTH_DATE_CHECK_DIGIT : MrzProblem.EXPIRY_DATE_CHECK_DIGIT);
        if (!yymmdd.chars().allMatch(Character::isDigit)) {
            problems.add(invalid);
            return null;
        }
        int yy = Integer.parseInt(yymmdd.substring(0, 2));
        int year = 2000 + yy;
        if (birth ? year > today.getYear() : year > today.getYear() + 50) {
            year -= 100;
        }
        try {
            return LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            problems.add(invalid);
            return null;
        }
    }

    private String[] name(String field) {
        int separator = field.indexOf("<<");
        String surname = separator < 0 ? field : field.substring(0, separator);
        String given = separator < 0 ? "" : field.substring(separator + 2);
        String[] name = {surname.replace('<', ' ').strip(), given.replace('<', ' ').strip().replaceAll("\\s+", " ")};
        if (name[0].isEmpty()) {
            problems.add(MrzProblem.MISSING_NAME);
        }
        return name;
    }

    private static String trimFiller(String field) {
        return field.replaceAll("<+$", "").replaceAll("^<+", "");
    }
}
