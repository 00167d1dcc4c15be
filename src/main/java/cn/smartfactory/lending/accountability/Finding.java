package cn.smartfactory.lending.accountability;

/** One standard an officer was held to in one role, met or not, with the dossier's evidence. */
public record Finding(String officer, String role, String standard, String standardName, boolean met, String evidence) {
}
