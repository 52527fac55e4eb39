import { t, uiLang } from '@/extension/i18n';
import './SampleArticle.css';

/**
 * A short news article written by the PolicyLens team for the welcome page,
 * in the style of a Tianjin daily, that mentions some of the report's terms
 * (高标准农田, “高效办成一件事”, 津治通, 鲁班工坊, 周末经济) for the
 * reader to try the card on. Chinese whatever the interface's language: it
 * is what PolicyLens reads.
 */
export function SampleArticle() {
  return (
    <article class="sample-article" lang="zh-CN" aria-labelledby="sample-article-title">
      <p class="sample-article__label" lang={uiLang()}>
        {t('welcomeSampleNote')}
      </p>
      <h3 id="sample-article-title" class="sample-article__title">
        报告里的目标，正在变成身边的变化
      </h3>
      <p class="sample-article__byline">本报记者 · 示例稿件</p>
      <p>
        开春以来，天津各区围绕今年《政府工作报告》部署的重点任务抓紧推进。在一处涉农街镇，新一批高标准农田已经完成土地平整和灌溉改造，种粮大户说，农机进得去、水也浇得匀，春播比往年顺当不少。
      </p>
      <p>
        政务服务也在提速。记者在一家区级政务服务中心看到，“高效办成一件事”改革把企业开办涉及的多个环节合并办理，办事群众少跑了腿；不少市民已经习惯通过津治通反映身边的问题，回应比过去更快。
      </p>
      <p>
        职业教育“走出去”的步子没有停。天津在海外建设的鲁班工坊继续拓展合作专业，把职业教育的标准和课程带到更多国家和地区。
      </p>
      <p>
        城市消费同样升温。商圈负责人告诉记者，周末经济带动了餐饮、文旅等多种业态，节假日客流明显增加，不少新店选择在天津开出首店。
      </p>
    </article>
  );
}
