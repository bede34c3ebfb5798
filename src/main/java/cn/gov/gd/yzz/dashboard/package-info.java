/**
 * The operators' dashboard page (运营看板) at {@code /dashboard}: static files built by the Quarkus Web Bundler from
 * {@code src/main/resources/web}; every figure it shows comes from the statistics API with the signed-in staff
 * member's token, so the page itself holds no data and no privilege. Depends on nothing.
 */
package cn.gov.gd.yzz.dashboard;
