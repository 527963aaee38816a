/**
 * Big-data analysis (大数据分析): the figures a trading center is judged by, from a fact table the other modules' events
 * feed and rollups kept with each fact, as dashboards for the operator, regulators and the public.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Analytics")
package org.yiwang.analytics;
