package org.fundflow.intake.domain.voucher;

/**
 * The science-and-technology services a voucher may buy (the seed's 科技服务业: 研究开发、工程设计、技术转移、检验检测认证、
 * 创业孵化、知识产权、科技咨询). A VOUCHER program names those it pays for; a provider names those it offers.
 */
public enum ServiceCategory {
  /** 检验检测认证 */
  TESTING,
  /** 研发设计 (research and development, engineering and industrial design) */
  RD_DESIGN,
  /** 技术转移 */
  TECHNOLOGY_TRANSFER,
  /** 知识产权服务 */
  IP_SERVICES,
  /** 科技咨询 */
  CONSULTING,
  /** 创业孵化 */
  INCUBATION
}
