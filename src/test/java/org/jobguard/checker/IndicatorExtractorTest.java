package org.jobguard.checker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndicatorExtractorTest {
    private final IndicatorExtractor extractor = new IndicatorExtractor();

    private List<String> found(String text) {
        return extractor.extract(text).stream().map(i -> i.type().id() + ":" + i.value()).toList();
    }

    @Test
    void handlesRightAfterChineseOrLatinWordsAreContacts() {
        // Chinese posts write the handle straight after the word that introduces it
        assertEquals(List.of("handle:@cb_it_fake"), found("柬埔寨 招技术 联系@cb_it_fake"));
        assertEquals(List.of("handle:@kk_hr_fake"), found("私聊TG@kk_hr_fake"));
    }

    @Test
    void anEmailAddressIsOneContactNotAHandle() {
        assertEquals(List.of("email:john@gmail.com", "handle:@boss_fake"), found("john@gmail.com 或 tg@boss_fake"));
    }

    @Test
    void aTelegramLinkAndAHandleOfFewerThanFourLettersAreToldApart() {
        assertEquals(List.of("telegram_link:t.me/job_fake"), found("join t.me/job_fake @abc"));
    }

    @Test
    void aSalaryRangeBeforeMoreFiguresIsNoPhoneNumber() {
        // the run "10000-12000 12" is long enough for a phone, and libphonenumber read its first ten digits as one
        assertEquals(List.of(), found("转化专员 柬埔寨 10000-12000 12小时 / 月休2天"));
        assertEquals(List.of("phone:13800138000"), found("薪资 8000-12000 电话 13800138000"));
        assertEquals(1, found("客服热线 400-820-8820 转 3").size());
    }
}
