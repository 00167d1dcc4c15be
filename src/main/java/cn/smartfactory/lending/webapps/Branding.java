package cn.smartfactory.lending.webapps;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The name the webapps show in their header, on the login page and in the browser's title
 * ({@code vendor name · app}), and the bank's logo.
 *
 * @param vendor  the first part of the name, e.g. the bank (default 智慧工厂)
 * @param name    the product (default 普惠信贷)
 * @param logoUrl an image shown left of the name in every webapp's header and above the login
 *                form (a URL the browser can load, e.g. {@code /branding/logo.png} from
 *                {@code static/branding/}); empty for no logo
 */
@ConfigurationProperties("lending.branding")
public record Branding(@DefaultValue("智慧工厂") String vendor, @DefaultValue("普惠信贷") String name,
                       @DefaultValue("") String logoUrl) {

    public Branding {
        vendor = vendor == null ? "" : vendor.strip();
        name = name == null ? "" : name.strip();
        logoUrl = logoUrl == null ? "" : logoUrl.strip();
        if (vendor.isEmpty() && name.isEmpty()) {
            throw new IllegalArgumentException("lending.branding: vendor and name are both empty; the webapps need a name to show");
        }
        if (!logoUrl.isEmpty() && !logoUrl.matches("(https?://|/)[^\\s\"'()<>\\\\]*")) {
            throw new IllegalArgumentException("lending.branding.logo-url must be an absolute path or an http(s) URL "
                    + "without spaces, quotes, brackets or backslashes: " + logoUrl);
        }
    }
}
