package cn.smartfactory.lending.marketing;

import java.util.List;

/** An account manager's territory: the region they cover and the industries they serve. */
public record AccountManagerProfile(String userId, String region, List<String> industries, boolean active) {

    public boolean serves(String industry) {
        return industries.contains(industry);
    }
}
