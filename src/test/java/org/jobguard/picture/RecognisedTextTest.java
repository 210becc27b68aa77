package org.jobguard.picture;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RecognisedTextTest {
    @Test
    void theSpacesTesseractPutsBetweenChineseCharactersAreDropped() {
        assertEquals("高薪招聘，包吃包住！", RecognisedText.tidy("高 薪 招 聘 ， 包 吃 包 住 ！"));
        assertEquals("「月薪三萬」…", RecognisedText.tidy("「 月 薪 三 萬 」 …"));
    }

    @Test
    void spacesAroundDigitsAndPunctuationAmongChineseAreDropped() {
        assertEquals("月薪2万+，包吃", RecognisedText.tidy("月薪 2 万 +， 包 吃"));
        assertEquals("地點:金邊,到了再簽", RecognisedText.tidy("地點 : 金邊 , 到了再簽"));
    }

    @Test
    void spacesBetweenLatinWordsAndBetweenALatinWordAndChineseStay() {
        assertEquals("contact TG @hr_boss now, 2 days", RecognisedText.tidy("contact TG @hr_boss now, 2 days"));
        assertEquals("月薪3000 USDT 加 TG", RecognisedText.tidy("月 薪 3000 USDT 加 TG"));
    }

    @Test
    void blankLinesPageBreaksAndCarriageReturnsCollapse() {
        assertEquals("第一行\n第二行\nthird", RecognisedText.tidy("\n第一行\r\n\n  \n第二行\f\nthird\n\n"));
        assertEquals("", RecognisedText.tidy(" \n\f\n "));
    }
}
