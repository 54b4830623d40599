package io.wms.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.wms.core.testing.TestSql;
import io.wms.jooq.Public;
import io.wms.testkit.WmsDatabaseExtension;
import org.jooq.Converter;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The words a status column may hold are written twice: in its CHECK constraint, and as the constants of the enum its
 * generated field reads and writes through a converter. A word added in one place only must fail here, before a
 * write of the new constant fails on the constraint or a read of a stored word fails in the converter.
 */
class StatusColumnsTest {

    @RegisterExtension
    final WmsDatabaseExtension database = WmsDatabaseExtension.migrated();

    @Test
    void everyCheckListOfWordsNamesExactlyTheWordsOfItsColumnsEnum() {
        assertThat(wordsOfTheEnums()).isNotEmpty().isEqualTo(wordsOfTheCheckLists());
    }

    /**
     * By {@code table.column}, the words of every CHECK constraint of the migrated schema that tests one column
     * against a list ({@code status IN ('open', ...)}, which the server keeps as a {@code ScalarArrayOpExpr}), read
     * from pg_catalog.
     */
    private Map<String, Set<String>> wordsOfTheCheckLists() {
        Map<String, Set<String>> lists = new TreeMap<>();
        for (Record check : TestSql.on(database.dataSource()).resultQuery("""
                select c.relname::text, a.attname::text, pg_catalog.pg_get_constraintdef(k.oid)
                from pg_catalog.pg_constraint k
                join pg_catalog.pg_class c on c.oid = k.conrelid
                join pg_catalog.pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                where k.contype = 'c' and c.relnamespace = pg_catalog.current_schema()::regnamespace
                  and pg_catalog.cardinality(k.conkey) = 1
                  and pg_catalog.starts_with(k.conbin::text, '{SCALARARRAYOPEXPR')
                """)) {
            lists.put(check.get(0, String.class) + "." + check.get(1, String.class),
                    literals(check.get(2, String.class)));
        }
        return lists;
    }

    /** By {@code table.column}, the words the converter of every generated field typed by an enum writes. */
    private static Map<String, Set<String>> wordsOfTheEnums() {
        Map<String, Set<String>> words = new TreeMap<>();
        for (Table<?> table : Public.PUBLIC.getTables()) {
            for (Field<?> field : table.fields()) {
                if (field.getType().isEnum()) {
                    words.put(table.getName() + "." + field.getName(), words(field));
                }
            }
        }
        return words;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> words(Field<?> field) {
        Converter<Object, Object> converter = (Converter<Object, Object>) field.getDataType().getConverter();
        Set<String> words = new LinkedHashSet<>();
        Arrays.stream(field.getType().getEnumConstants()).map(converter::to).map(String.class::cast)
                .forEach(words::add);
        return words;
    }

    /**
     * The string literals of a definition as the server prints it: each in single quotes, a quote inside one
     * doubled (the server prints no backslash escapes with standard_conforming_strings on).
     */
    private static Set<String> literals(String definition) {
        Set<String> literals = new LinkedHashSet<>();
        StringBuilder literal = null;
        for (int index = 0; index < definition.length(); index++) {
            char character = definition.charAt(index);
            if (literal == null) {
                if (character == '\'') {
                    literal = new StringBuilder();
                }
            } else if (character != '\'') {
                literal.append(character);
            } else if (index + 1 < definition.length() && definition.charAt(index + 1) == '\'') {
                literal.append('\'');
                index++;
            } else {
                literals.add(literal.toString());
                literal = null;
            }
        }
        return literals;
    }
}
