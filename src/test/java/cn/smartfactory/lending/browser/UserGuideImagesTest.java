package cn.smartfactory.lending.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** Every picture the user guide shows is committed, is a PNG, and the guide has one for each role. */
class UserGuideImagesTest {

    @Test
    void everyPictureOfTheGuideIsCommitted() throws Exception {
        String guide = Files.readString(Path.of("docs", "user-guide.md"));
        Matcher image = Pattern.compile("!\\[[^]]*]\\((images/[^)]+)\\)").matcher(guide);
        List<String> shown = new ArrayList<>();
        while (image.find()) {
            shown.add(image.group(1));
        }

        assertThat(shown).containsExactlyInAnyOrder("images/account-manager.png", "images/investigator.png",
                "images/central-operations.png", "images/approver.png", "images/risk-manager.png",
                "images/administrator.png", "images/manager.png", "images/factory-dashboard.png");
        for (String picture : shown) {
            byte[] png = Files.readAllBytes(Path.of("docs").resolve(picture));
            assertThat(png).as(picture).startsWith(0x89, 'P', 'N', 'G');
            assertThat(png.length).as("%s is a real screenshot", picture).isGreaterThan(20_000);
        }
    }
}
