package cn.gov.gd.yzz.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The search keys of one item, grouped by where they come from: its name, its code, its aliases, and the pinyin
 * variants (full and initials) of its name and of each alias.
 */
record ItemKeys(String name, String code, List<String> aliases, List<String> namePinyin,
        List<List<String>> aliasPinyin) {

    /** An alias with its stored pinyin (space-separated variants, as {@link PinyinKeys} writes them). */
    record Alias(String text, String pinyinFull, String pinyinInitials) {
    }

    static ItemKeys of(String name, String code, String pinyinFull, String pinyinInitials, List<Alias> aliases) {
        List<String> texts = new ArrayList<>(aliases.size());
        List<List<String>> aliasPinyin = new ArrayList<>(aliases.size());
        for (Alias alias : aliases) {
            texts.add(alias.text());
            aliasPinyin.add(variants(alias.pinyinFull(), alias.pinyinInitials()));
        }
        return new ItemKeys(name, code, texts, variants(pinyinFull, pinyinInitials), aliasPinyin);
    }

    /** Keys computed here rather than read (tests, benchmarks). */
    static ItemKeys computed(String name, String code, List<String> aliases) {
        return of(name, code, PinyinKeys.of(name).fullText(), PinyinKeys.of(name).initialsText(),
                aliases.stream().map(a -> new Alias(a, PinyinKeys.of(a).fullText(), PinyinKeys.of(a).initialsText()))
                        .toList());
    }

    private static List<String> variants(String full, String initials) {
        List<String> all = new ArrayList<>(Arrays.asList(full.split(" ")));
        all.addAll(Arrays.asList(initials.split(" ")));
        return all;
    }
}
