package org.yiwang.demo;

import java.util.List;

import org.yiwang.demo.DemoTenderStages.Stage;
import org.yiwang.demo.DemoTenderStages.Staged;

/**
 * The demo city's works tenders of the past year, one a month (a representative subset: a whole year of every stage
 * at every district would make the demo start take many minutes), each published, bid, opened, evaluated, awarded and
 * contracted — or failed for want of bids — at its own month's time by {@link DemoTenderStages}, in twelve districts
 * and counties; so the portal's lists, facets and the open-data monthly charts have a year to show.
 */
final class DemoTenderYear {

	/** Month {@code k} back (12 … 1), its tender. Tenderers are numbered from 11 on (the current ones are 1 … 5). */
	static final List<Staged> MONTHS = List.of(
			new Staged("demo.owner11", "重庆市渝中区市政设施管理中心", 11, "500103", "ENG_TRANSPORT", "渝中区解放东路人行道提升工程项目",
					"施工一标段", "人行道改造 2.4 公里，含无障碍设施", "8600000.00", Stage.CONTRACTED),
			new Staged("demo.owner12", "两江新区城市建设服务中心", 12, "X50001", "ENG_BUILDING", "两江新区礼嘉片区社区服务中心建设项目",
					"施工总承包", "社区服务中心 6,800 平方米", "32400000.00", Stage.CONTRACTED),
			new Staged("demo.owner13", "彭水县水利工程建设管理站", 13, "500243", "ENG_WATER", "彭水县普子河堤防整治工程项目", "施工一标段",
					"堤防整治 2.2 公里", "14800000.00", Stage.FAILED),
			new Staged("demo.owner14", "城口县交通建设服务中心", 14, "500229", "ENG_TRANSPORT", "城口县坪坝至巴山公路改建工程项目",
					"施工一标段", "四级公路改建 11.5 公里", "46200000.00", Stage.CONTRACTED),
			new Staged("demo.owner15", "重庆市沙坪坝区教育基建中心", 15, "500106", "ENG_BUILDING", "沙坪坝区西永第三小学校舍建设项目",
					"施工总承包", "教学楼及食堂 1.2 万平方米", "41800000.00", Stage.CONTRACTED),
			new Staged("demo.owner16", "重庆市南岸区城市管理服务中心", 16, "500108", "ENG_WATER", "南岸区长江滨江段排水管网改造项目",
					"施工一标段", "雨污分流管网 6.3 公里", "19600000.00", Stage.CONTRACTED),
			new Staged("demo.owner17", "重庆市渝北区卫生健康服务中心", 17, "500112", "ENG_BUILDING", "渝北区龙溪街道社区卫生服务中心改造项目",
					"施工一标段", "改造 3,900 平方米", "7200000.00", Stage.CONTRACTED),
			new Staged("demo.owner18", "重庆市江北区交通建设服务中心", 18, "500105", "ENG_TRANSPORT", "江北区五里店立交匝道改造工程项目",
					"施工一标段", "匝道 2 条，共 1.1 公里", "28800000.00", Stage.FAILED),
			new Staged("demo.owner19", "重庆市九龙坡区水利服务中心", 19, "500107", "ENG_WATER", "九龙坡区跳磴河生态修复工程项目",
					"施工一标段", "河道生态修复 4.8 公里", "23500000.00", Stage.CONTRACTED),
			new Staged("demo.owner20", "重庆市大渡口区城市更新服务中心", 20, "500104", "ENG_BUILDING", "大渡口区新山村老旧小区改造项目",
					"施工一标段", "改造住宅 28 栋", "16900000.00", Stage.CONTRACTED),
			new Staged("demo.owner21", "重庆市万州区交通建设服务中心", 21, "500101", "ENG_TRANSPORT", "万州区江南大道人行天桥工程项目",
					"施工一标段", "人行天桥 2 座", "9400000.00", Stage.CONTRACTED),
			new Staged("demo.owner22", "重庆市北碚区城市管理服务中心", 22, "500109", "ENG_BUILDING", "北碚区缙云山游客中心建设项目",
					"施工总承包", "游客中心 4,200 平方米", "18700000.00", Stage.CONTRACTED));

	private DemoTenderYear() {
	}
}
