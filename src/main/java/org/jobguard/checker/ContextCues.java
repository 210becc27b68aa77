package org.jobguard.checker;

import java.util.List;

/**
 * Phrases that do not flag anything themselves but change how flags count.
 *
 * @param negation   a flag phrase shortly after one of these, in the same clause, is not asserted
 *                   ("we never keep your passport")
 * @param awareness  the wording of police and NGO warnings, news and survivor stories
 * @param recruiting first-person calls to apply or get in touch, which a warning does not make
 * @param legitimacy signs of a lawful employer (contract signed before departure, licence, work permit)
 * @param narrative  the wording of a story told afterwards ("被收走", "当时", "I was told", "came home"), which an
 *                   offer or a demand, written before anything happened, does not use
 * @param offer      the form of a job ad (招聘, 岗位, 薪资, 联系方式, "salary", "requirements"): says that a text
 *                   is about a job even where no flag fires, so a place abroad in it counts; warnings quote ads too,
 *                   so it only enables features the model weighs
 * @param offshore   the wording of a "company" abroad hiring through the trade's channels: nationality lines (国籍不限,
 *                   中籍/外籍), a salary in USDT (1100-1400U), landing and visa arranged (落地接机, 工签公司办); lawful
 *                   employers abroad write some of these too, so the model weighs them, never a verdict on their own
 */
public record ContextCues(List<String> negation, List<String> awareness, List<String> recruiting,
                          List<String> legitimacy, List<String> narrative, List<String> offer,
                          List<String> offshore) {
    public ContextCues {
        negation = List.copyOf(negation);
        awareness = List.copyOf(awareness);
        recruiting = List.copyOf(recruiting);
        legitimacy = List.copyOf(legitimacy);
        narrative = List.copyOf(narrative);
        offer = List.copyOf(offer);
        offshore = List.copyOf(offshore);
    }

    public static ContextCues empty() {
        return new ContextCues(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }
}
