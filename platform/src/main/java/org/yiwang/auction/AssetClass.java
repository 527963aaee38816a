package org.yiwang.auction;

import java.util.Arrays;
import java.util.Optional;

/**
 * The class of the asset a listing transfers (资产类别（实物）, national data specification dataset 700). The
 * specification files carry no code list for it; the platform uses the nine top-level classes (门类) of the national
 * asset classification GB/T 14885-2022 (固定资产等资产基础分类与代码) and sends the one-digit code. Names are in the
 * messages ({@code auction.assetClass.<code>}).
 */
public enum AssetClass {

	/** 1 土地、海域及无居民海岛 */
	LAND_SEA_AND_ISLANDS("1"),
	/** 2 房屋和构筑物 */
	BUILDINGS_AND_STRUCTURES("2"),
	/** 3 设备 */
	EQUIPMENT("3"),
	/** 4 文物和陈列品 */
	CULTURAL_RELICS("4"),
	/** 5 图书和档案 */
	BOOKS_AND_ARCHIVES("5"),
	/** 6 家具和用具 */
	FURNITURE_AND_FIXTURES("6"),
	/** 7 特种动植物 */
	SPECIAL_ANIMALS_AND_PLANTS("7"),
	/** 8 物资 */
	MATERIALS("8"),
	/** 9 无形资产 */
	INTANGIBLE("9");

	private final String code;

	AssetClass(String code) {
		this.code = code;
	}

	public String code() {
		return code;
	}

	public String messageKey() {
		return "auction.assetClass." + code;
	}

	/** The class of a code (or enum name); empty when it is neither. */
	public static Optional<AssetClass> of(String value) {
		if (value == null) {
			return Optional.empty();
		}
		String v = value.strip();
		return Arrays.stream(values()).filter(c -> c.code.equals(v) || c.name().equals(v)).findFirst();
	}
}
