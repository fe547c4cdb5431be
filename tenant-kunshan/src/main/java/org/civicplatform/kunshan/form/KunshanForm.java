package org.civicplatform.kunshan.form;

import static org.civicplatform.spi.form.FieldType.*;
import static org.civicplatform.spi.form.FormField.optional;
import static org.civicplatform.spi.form.FormField.required;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.form.FormField;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.form.Option;
import org.civicplatform.spi.form.TextCheck;

/**
 * The six steps of seed 000 §3.3–§3.8: 家庭基本情况, 申请主体情况, 住宅房产信息, 先进典型, 选择志愿, 预览及提交.
 */
public final class KunshanForm {

  static final long MB = 1024L * 1024L;

  /** Identity document kinds of seed 000 §3.1. */
  public static final Option[] ID_TYPES = {
    Option.of("MAINLAND_ID", "大陆居民身份证", "Mainland resident ID card"),
    Option.of("PASSPORT", "护照", "Passport"),
    Option.of("HK_MO_TW", "港澳台", "Hong Kong, Macao or Taiwan permit"),
    Option.of("OTHER", "其它", "Other")
  };

  private KunshanForm() {}

  public static FormDefinition definition() {
    return new FormDefinition(List.of(family(), subject(), housing(), honours(), choices(), preview()));
  }

  private static FormStep family() {
    var student =
        FormSection.of(
                "student",
                LocalizedText.of("学生基本信息", "Student"),
                required("name", "学生姓名", "Student's name", TEXT).maxLength(30),
                required("gender", "性别", "Gender", CHOICE)
                    .options(Option.of("M", "男", "Male"), Option.of("F", "女", "Female")),
                required("idType", "证件类型", "ID type", CHOICE).options(ID_TYPES),
                required("idNumber", "证件号码", "ID number", ID_NUMBER)
                    .hint("请确保证件号码准确无误，便于房产部门根据身份证号审核算分！",
                        "Make sure the number is exact: departments score by it."),
                required("birthDate", "出生日期", "Date of birth", DATE),
                required("ethnicity", "民族", "Ethnic group", TEXT).maxLength(20),
                required("hasSchoolRecord", "是否取得义务教育学籍", "Already has a compulsory-education school record", BOOLEAN)
                    .hint("小学新生须是未取得义务教育学籍的才能参与报名，已取得学籍的不可网报。",
                        "A primary-school applicant must not yet have a school record."),
                optional("previousSchool", "原毕业学校", "Previous school", SCHOOL).source("KUNSHAN_LIST"),
                optional("otherSchool", "其他学校", "Other school (outside Kunshan)", TEXT).maxLength(100),
                required("householdAddress", "户籍地址", "Household registration address", ADDRESS).maxLength(200))
            .hint(LocalizedText.of(
                "填报系统里的所有姓名、证件号等中间不能有空格，系统会自动去除。",
                "Names and numbers must not contain spaces; the system removes them."));
    return new FormStep(
        "family",
        LocalizedText.of("家庭基本情况", "Family"),
        List.of(student, guardian("guardian1", "监护人一信息", "Guardian one", false),
            guardian("guardian2", "监护人二信息（有第二监护人必填）", "Guardian two (if any)", true)),
        List.of());
  }

  private static FormSection guardian(String id, String zh, String en, boolean mayBeNone) {
    var relations =
        mayBeNone
            ? new Option[] {
              Option.of("FATHER", "父亲", "Father"), Option.of("MOTHER", "母亲", "Mother"),
              Option.of("OTHER", "其他监护人", "Other guardian"), Option.of("NONE", "无", "None (single parent)")
            }
            : new Option[] {
              Option.of("FATHER", "父亲", "Father"), Option.of("MOTHER", "母亲", "Mother"),
              Option.of("OTHER", "其他监护人", "Other guardian")
            };
    Condition present = mayBeNone ? Condition.not(Condition.equals(id + ".relation", "NONE")) : null;
    return new FormSection(
        id,
        LocalizedText.of(zh, en),
        List.of(
            required("relation", "关系", "Relation", CHOICE).options(relations),
            required("name", "姓名", "Name", TEXT).maxLength(30).when(present),
            required("phone", "联系电话", "Mobile phone", MOBILE).when(present),
            required("idType", "证件类型", "ID type", CHOICE).options(ID_TYPES).when(present),
            required("idNumber", "证件号码", "ID number", ID_NUMBER).when(present)
                .hint("请确保证件号码准确无误，便于社保、房产部门根据身份证号审核算分！",
                    "Make sure the number is exact: insurance and property are matched by it."),
            optional("employer", "工作单位", "Employer", TEXT).maxLength(100).when(present),
            required("householdAddress", "户籍地址", "Household registration address", ADDRESS).maxLength(200).when(present),
            required("currentAddress", "现居住地址（江苏省苏州市昆山市）", "Current address (Kunshan)", ADDRESS).maxLength(200).when(present),
            required("district", "区镇", "District", DISTRICT).when(present)),
        null,
        1,
        mayBeNone
            ? LocalizedText.of(
                "单亲家庭只填报监护人一，监护人二关系选择“无”，窗口审核时出具证明。",
                "Single parents fill guardian one only and choose “None” here; bring proof to the window.")
            : null);
  }

  private static FormStep subject() {
    Condition hasEducation = Condition.not(Condition.equals("education.level", "NONE"));
    Condition since2001 = Condition.all(hasEducation, Condition.onOrAfter("education.graduationDate", "2001-01-01"));
    Condition before2001 = Condition.all(hasEducation, Condition.not(Condition.onOrAfter("education.graduationDate", "2001-01-01")));
    Condition hasVocational = Condition.not(Condition.equals("vocational.level", "NONE"));
    Condition hasTitle = Condition.not(Condition.equals("title.level", "NONE"));
    return new FormStep(
        "subject",
        LocalizedText.of("申请主体情况", "Points subject"),
        List.of(
            FormSection.of(
                "subject",
                LocalizedText.of("积分主体", "Points subject (积分主体)"),
                required("guardian", "积分主体（监护人之一）", "Points subject (one of the guardians)", FAMILY_MEMBER)
                    .source("GUARDIANS")),
            FormSection.of(
                "education",
                LocalizedText.of("积分主体学历情况", "Education"),
                required("level", "学历情况", "Education level", CHOICE).options(
                    Option.of("NONE", "无", "None"), Option.of("JUNIOR_COLLEGE", "大专", "Junior college"),
                    Option.of("BACHELOR", "本科", "Bachelor"), Option.of("MASTER", "硕士", "Master"),
                    Option.of("DOCTOR", "博士", "Doctor")),
                required("certificateNumber", "证书编号", "Certificate number", TEXT).maxLength(50).when(hasEducation),
                required("graduationDate", "毕业日期", "Graduation date", DATE).when(hasEducation)),
            FormSection.of(
                "vocational",
                LocalizedText.of("职业资格或职业技能等级", "Vocational qualification or skill level"),
                required("level", "职业资格或职业技能等级", "Level", CHOICE).options(
                    Option.of("NONE", "无", "None"), Option.of("LEVEL5", "五级（初级工）", "Level 5 (basic)"),
                    Option.of("LEVEL4", "四级（中级工）", "Level 4 (intermediate)"),
                    Option.of("LEVEL3", "三级（高级工）", "Level 3 (advanced)"),
                    Option.of("LEVEL2", "二级（技师）", "Level 2 (technician)"),
                    Option.of("LEVEL1", "一级（高级技师）", "Level 1 (senior technician)")),
                required("certificateNumber", "证书编号", "Certificate number", TEXT).maxLength(50).when(hasVocational),
                required("issuer", "发证机关", "Issuing authority", TEXT).maxLength(100).when(hasVocational)),
            FormSection.of(
                "title",
                LocalizedText.of("专业技术职称", "Professional title"),
                required("level", "专业技术职称", "Title", CHOICE).options(
                    Option.of("NONE", "无", "None"), Option.of("JUNIOR", "初级", "Junior"),
                    Option.of("INTERMEDIATE", "中级", "Intermediate"),
                    Option.of("ASSOCIATE_SENIOR", "副高级", "Associate senior"),
                    Option.of("SENIOR", "正高级", "Senior")),
                required("certificateNumber", "证书编号", "Certificate number", TEXT).maxLength(50).when(hasTitle),
                required("issuer", "发证机关", "Issuing authority", TEXT).maxLength(100).when(hasTitle)),
            FormSection.of(
                "residencePermit",
                LocalizedText.of("积分主体居住证情况", "Residence permit"),
                optional("address", "居住证申领地地址（昆山市）", "Address the permit was applied at (Kunshan)", ADDRESS).maxLength(200),
                optional("issuer", "居住证签发机关", "Issuing authority", TEXT).maxLength(100),
                optional("issuedOn", "居住证签发日期", "Issue date", DATE))),
        List.of(
            DocumentSlot.of("diploma", "学历证书（图片）", "Diploma (image)", DocumentSlot.IMAGES, 10 * MB, 2, true)
                .when(hasEducation),
            DocumentSlot.of("registrationRecord", "教育部学历证书电子注册备案表（PDF）",
                    "Diploma electronic registration record (PDF)", DocumentSlot.PDF, 10 * MB, 1, true)
                .when(since2001)
                .check(TextCheck.containsAnswer("subject.education.certificateNumber", "certificateNumber"))
                .check(TextCheck.extract("在线验证码\\s*([0-9A-Z ]{12,20})", "onlineVerificationCode")),
            DocumentSlot.of("credentialReport", "中国高等教育学历认证报告", "Higher-education credential report",
                    DocumentSlot.IMAGES_OR_PDF, 10 * MB, 2, true)
                .when(before2001),
            DocumentSlot.of("vocationalCertificate", "职业资格证书（详情页）", "Vocational certificate (detail page)",
                    DocumentSlot.IMAGES, 10 * MB, 2, true)
                .when(hasVocational),
            DocumentSlot.of("titleCertificate", "专业技术职称证书", "Professional title certificate",
                    DocumentSlot.IMAGES_OR_PDF, 10 * MB, 2, true)
                .when(hasTitle)));
  }

  private static FormStep housing() {
    Condition owns = Condition.equals("property.hasProperty", "true");
    Condition realEstate = Condition.all(owns, Condition.equals("property.certificateType", "REAL_ESTATE"));
    Condition shared = Condition.all(owns, Condition.equals("property.soleOwner", "false"));
    return new FormStep(
        "housing",
        LocalizedText.of("住宅房产信息", "Residential property"),
        List.of(
            FormSection.of(
                "property",
                LocalizedText.of("住宅类房产", "Residential property"),
                required("hasProperty", "是否有住宅类房产", "Owns residential property", BOOLEAN),
                required("certificateType", "产权证类型", "Certificate type", CHOICE).when(owns).options(
                    Option.of("REAL_ESTATE", "不动产权证", "Real-estate title certificate"),
                    Option.of("HOUSE_OWNERSHIP", "房屋所有权证", "House ownership certificate")),
                required("certificateYear", "产权证年份", "Certificate year", NUMBER).when(realEstate),
                required("certificateNumber", "产权证号", "Certificate number", TEXT).when(owns).maxLength(40)
                    .hint("不动产权证只填写7位数字；房屋所有权证只填写数字或字母。",
                        "Real-estate title: the 7 digits only; house ownership: digits or letters only."),
                required("owner", "房屋所有权人", "Owner", FAMILY_MEMBER).when(owns).source("FAMILY"),
                required("ownerIdNumber", "所有权人身份证件号", "Owner's ID number", ID_NUMBER).when(owns),
                required("soleOwner", "是否单独所有", "Sole owner", BOOLEAN).when(owns),
                required("coOwners", "房屋产权共有人", "Co-owners", FAMILY_MEMBER).when(shared).source("FAMILY"),
                required("address", "房屋坐落（江苏省昆山市）", "Property address (Kunshan)", ADDRESS).when(owns).maxLength(200)
                    .hint("请确保房屋坐落与产证一字不差，登记到几零几室（别墅除外）",
                        "Write the address exactly as on the certificate, down to the room.")),
            new FormSection(
                "members",
                LocalizedText.of("新增家庭成员（未满18周岁的兄弟姐妹）", "Family members (siblings under 18)"),
                List.of(
                    required("relation", "与学生关系", "Relation", CHOICE)
                        .options(Option.of("SIBLING", "兄弟姐妹", "Sibling")),
                    required("name", "姓名", "Name", TEXT).maxLength(30),
                    required("idType", "证件类型", "ID type", CHOICE).options(ID_TYPES),
                    required("idNumber", "证件号", "ID number", ID_NUMBER)),
                Condition.equals("property.hasProperty", "true"),
                5,
                LocalizedText.of(
                    "若用未满18周岁且单独所有的兄弟姐妹房产，先添加其信息，再在房屋所有权人处选择。",
                    "To use a sibling's property (under 18, sole owner), add the sibling, then choose them as owner."))),
        List.of(
            DocumentSlot.of("propertyCertificate", "产权证（图片或PDF）", "Property certificate (image or PDF)",
                    DocumentSlot.IMAGES_OR_PDF, 10 * MB, 4, false)
                .when(owns)));
  }

  private static FormStep honours() {
    Condition has = Condition.equals("honour.hasHonour", "true");
    return new FormStep(
        "honours",
        LocalizedText.of("先进典型", "Honours"),
        List.of(
            FormSection.of(
                "honour",
                LocalizedText.of("先进典型", "Honours"),
                required("hasHonour", "有无先进典型", "Has an honour", BOOLEAN),
                required("relation", "与学生关系", "Relation to the student", CHOICE).when(has)
                    .options(Option.of("FATHER", "父亲", "Father"), Option.of("MOTHER", "母亲", "Mother"))
                    .hint("只能是需要入学学生的父亲或母亲", "Only the child's father or mother"),
                required("kind", "称号", "Honour", CHOICE).when(has).options(
                    Option.of("BRAVERY", "见义勇为", "Act of bravery"),
                    Option.of("MODEL_WORKER", "劳动模范", "Model worker"),
                    Option.of("MORAL_MODEL", "道德模范或好人系列", "Moral model")),
                required("level", "级别", "Level", CHOICE).when(has).options(
                    Option.of("COUNTY", "昆山市级", "Kunshan"), Option.of("CITY", "苏州市级", "Suzhou"),
                    Option.of("PROVINCE", "省级", "Provincial"), Option.of("NATIONAL", "国家级", "National")),
                required("awardedOn", "获奖时间", "Award date", DATE).when(has))),
        List.of(
            DocumentSlot.of("honourProof", "先进典型证明材料", "Proof of the honour", DocumentSlot.IMAGES_OR_PDF,
                    10 * MB, 3, true)
                .when(has)));
  }

  private static FormStep choices() {
    return new FormStep(
        "choices",
        LocalizedText.of("选择志愿", "School choices"),
        List.of(
            FormSection.of(
                "choices",
                LocalizedText.of("志愿学校", "Schools"),
                optional("private1", "第一阶段民办学校（选填）", "Private school, phase one (optional)", SCHOOL)
                    .source("PRIVATE"),
                required("public", "公办学校（房产所在施教区）", "Public school (in the property's school zone)", SCHOOL)
                    .source("PUBLIC_IN_ZONE")
                    .hint("系统根据房屋坐落推荐施教区学校；推荐不合理可取消后自行选择。",
                        "Recommended from the property address; cancel and choose if it is wrong."),
                optional("private2", "第二阶段民办学校", "Private school, phase two", SCHOOL).source("PRIVATE"),
                optional("private2GiveUp", "放弃第二阶段民办", "No phase-two private school", BOOLEAN))),
        List.of());
  }

  private static FormStep preview() {
    return new FormStep(
        "preview",
        LocalizedText.of("报名信息预览及提交", "Preview and submit"),
        List.of(
            FormSection.of(
                "declaration",
                LocalizedText.of("声明", "Declaration"),
                required("accepted", "我已阅读并同意：被第一阶段民办学校录取后，新市民子女放弃录取资格的，则回户籍所在地就读。本人已经了解相关政策，一旦提交责任自负。",
                    "I have read and agree: a new-resident child admitted by a phase-one private school who gives up the place returns to the place of household registration. I understand the policy and take responsibility for what I submit.",
                    BOOLEAN))),
        List.of());
  }
}
