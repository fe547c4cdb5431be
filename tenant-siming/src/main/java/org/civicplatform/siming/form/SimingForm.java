package org.civicplatform.siming.form;

import static org.civicplatform.spi.form.FieldType.*;
import static org.civicplatform.spi.form.FormField.optional;
import static org.civicplatform.spi.form.FormField.required;

import java.util.List;
import org.civicplatform.spi.LocalizedText;
import org.civicplatform.spi.form.Condition;
import org.civicplatform.spi.form.DocumentSlot;
import org.civicplatform.spi.form.FormDefinition;
import org.civicplatform.spi.form.FormSection;
import org.civicplatform.spi.form.FormStep;
import org.civicplatform.spi.form.Option;

/**
 * Seed 002 §二: 户籍状态 → 学生信息 (with 多胞胎 and 生僻字) → 监护人信息 → 房产信息 → 亲子关系证明 → 提交 (信用承诺 +
 * SMS code to guardian one).
 */
public final class SimingForm {

  static final long MB = 1024L * 1024L;

  private SimingForm() {}

  public static FormDefinition definition() {
    return new FormDefinition(List.of(household(), students(), guardians(), housing(), proof(), submit()));
  }

  private static FormStep household() {
    return new FormStep(
        "household",
        LocalizedText.of("户籍状态", "Household status"),
        List.of(
            FormSection.of(
                "status",
                LocalizedText.of("户籍状态", "Household status"),
                required("status", "户籍状态", "Household status", CHOICE).options(
                    Option.of("LOCAL", "本地户籍", "Household registered in Siming"),
                    Option.of("HK_MO_TW", "港澳台", "Hong Kong, Macao or Taiwan"),
                    Option.of("OVERSEAS", "华侨及外籍", "Overseas Chinese or foreign national")))),
        List.of());
  }

  private static FormStep students() {
    Condition rare = Condition.equals("student.rareCharacter", "true");
    return new FormStep(
        "students",
        LocalizedText.of("学生信息", "Student"),
        List.of(
            FormSection.of(
                    "student",
                    LocalizedText.of("学生信息", "Student"),
                    required("idNumber", "身份证号", "ID number", ID_NUMBER),
                    required("name", "姓名", "Name", TEXT).maxLength(30).prefillFromRegistry(),
                    required("birthDate", "出生日期", "Date of birth", DATE).prefillFromRegistry(),
                    required("pinyin", "姓名拼音", "Name in pinyin", TEXT).maxLength(60).prefillFromRegistry(),
                    required("gender", "性别", "Gender", CHOICE).prefillFromRegistry()
                        .options(Option.of("M", "男", "Male"), Option.of("F", "女", "Female")),
                    required("householdAddress", "家庭住址（户籍地址）", "Household address", ADDRESS).maxLength(200)
                        .prefillFromRegistry(),
                    required("householdType", "户籍类型", "Household kind", CHOICE).prefillFromRegistry().options(
                        Option.of("COLLECTIVE", "集体户", "Collective household"),
                        Option.of("NON_COLLECTIVE", "非集体户", "Non-collective household"))
                        .hint("集体户选择集体户；空挂户、寄挂户等其他户类型均选择非集体户。",
                            "Choose collective only for a collective household; all other kinds are non-collective."),
                    required("street", "户籍地址所在街道", "Street of the household address", DISTRICT).prefillFromRegistry()
                        .hint("从列表中选择；从户籍系统读取时自动带出。", "Choose from the list; filled in from the registry."),
                    required("community", "户籍地址所在社区", "Community of the household address", TEXT).maxLength(50)
                        .prefillFromRegistry(),
                    required("currentAddress", "现居住地址", "Current address", ADDRESS).maxLength(200),
                    optional("rareCharacter", "姓名有生僻字", "Name has a rare character", BOOLEAN))
                .repeatable(4)
                .hint(LocalizedText.of(
                    "多胞胎（或多个适龄儿童）请点击“添加一项”填写多胞胎信息：共用监护人和房产信息，每个孩子分别核验身份。户籍类型不同的孩子请分开登记。",
                    "Add twins or triplets with “Add an entry”: they share guardians and housing, and each child's identity is checked. Children of different household kinds register separately."))),
        List.of(
            DocumentSlot.of("rareCharacterProof", "户口本学生本人页（生僻字）", "Child's household-register page (rare character)",
                    DocumentSlot.IMAGES, 10 * MB, 4, true)
                .when(rare)));
  }

  private static FormStep guardians() {
    Condition second = Condition.present("guardian2.relation");
    return new FormStep(
        "guardians",
        LocalizedText.of("监护人信息", "Guardians"),
        List.of(
            FormSection.of(
                    "guardian1",
                    LocalizedText.of("监护人一（接收短信验证码及通知）", "Guardian one (receives the SMS code and notices)"),
                    required("relation", "关系", "Relation", CHOICE).options(relations()),
                    required("name", "姓名", "Name", TEXT).maxLength(30).prefillFromRegistry(),
                    required("idNumber", "身份证号", "ID number", ID_NUMBER).prefillFromRegistry(),
                    required("phone", "手机号码", "Mobile phone", MOBILE),
                    optional("employer", "工作单位", "Employer", TEXT).maxLength(100))
                .hint(LocalizedText.of(
                    "短信验证码及后续通知发送到监护人一的手机，而不是 iXiamen 账号绑定的手机。",
                    "Codes and notices go to guardian one's phone, not the phone of the iXiamen account.")),
            FormSection.of(
                "guardian2",
                LocalizedText.of("监护人二（单亲家庭可不填）", "Guardian two (single parents leave empty)"),
                optional("relation", "关系", "Relation", CHOICE).options(relations()),
                required("name", "姓名", "Name", TEXT).maxLength(30).when(second).prefillFromRegistry(),
                required("idNumber", "身份证号", "ID number", ID_NUMBER).when(second).prefillFromRegistry(),
                optional("phone", "手机号码", "Mobile phone", MOBILE).when(second))),
        List.of());
  }

  private static Option[] relations() {
    return new Option[] {
      Option.of("FATHER", "父亲", "Father"), Option.of("MOTHER", "母亲", "Mother"),
      Option.of("OTHER", "其他监护人", "Other guardian")
    };
  }

  private static FormStep housing() {
    Condition purchase = Condition.in("housing.type", "PARENTS_PURCHASE", "GRANDPARENTS_PURCHASE");
    Condition publicRental = Condition.equals("housing.type", "PUBLIC_RENTAL");
    Condition lowRent = Condition.equals("housing.type", "LOW_RENT");
    Condition other = Condition.equals("housing.type", "OTHER");
    return new FormStep(
        "housing",
        LocalizedText.of("房产信息", "Housing"),
        List.of(
            FormSection.of(
                "housing",
                LocalizedText.of("房产信息", "Housing"),
                required("type", "住房类型", "Housing type", CHOICE).options(
                    Option.of("PARENTS_PURCHASE", "学生父母买房", "Bought by the parents"),
                    Option.of("GRANDPARENTS_PURCHASE", "学生爷爷奶奶（外公外婆）买房", "Bought by the grandparents"),
                    Option.of("PUBLIC_RENTAL", "公租房", "Public rental housing"),
                    Option.of("LOW_RENT", "廉租房", "Low-rent housing"),
                    Option.of("COLLECTIVE_OR_CONSIGNED", "集体户、寄售户", "Collective or consigned household"),
                    Option.of("OTHER", "其他", "Other")),
                optional("certificateNumber", "产权证编号", "Title certificate number", TEXT).when(purchase).maxLength(40)
                    .hint("字母请用大写；末尾的 -1、-2 不用填写。", "Upper-case letters; leave out a -1 / -2 suffix."),
                optional("contractNumber", "购房合同备案号（未取得产权证）", "Filed purchase-contract number (no title yet)", TEXT)
                    .when(purchase).maxLength(40),
                required("purchaseDate", "买房时间", "Purchase date", DATE).when(purchase)
                    .hint("取得产权证的时间；未取得的填写购房合同约定的交房时间。",
                        "The certificate date; without one, the contract's handover date."),
                required("ownerName", "产权人姓名（份额较大的一方）", "Owner (the larger share)", TEXT).when(purchase).maxLength(30),
                required("ownerIdNumber", "产权人身份证号", "Owner's ID number", ID_NUMBER).when(purchase),
                required("tenantName", "承租人", "Tenant", TEXT).when(publicRental).maxLength(30),
                required("rentalAddress", "租房地址", "Rental address", ADDRESS).when(publicRental).maxLength(200),
                required("lowRentContractNumber", "合同号", "Contract number", TEXT).when(lowRent).maxLength(40),
                required("lowRentAddress", "物业地址", "Property address", ADDRESS).when(lowRent).maxLength(200),
                required("otherAddress", "房屋地址", "Address", ADDRESS).when(other).maxLength(200))),
        List.of(
            DocumentSlot.of("propertyProof", "房产证明材料", "Proof of the property", DocumentSlot.IMAGES_OR_PDF, 10 * MB, 4, false)
                .when(purchase),
            DocumentSlot.of("rentalContract", "租房合同等证明材料", "Rental contract", DocumentSlot.IMAGES_OR_PDF, 10 * MB, 4, true)
                .when(Condition.any(publicRental, lowRent)),
            DocumentSlot.of("otherProof", "产权证或其他证明", "Certificate or other proof", DocumentSlot.IMAGES_OR_PDF, 10 * MB, 4, true)
                .when(other)));
  }

  private static FormStep proof() {
    return new FormStep(
        "proof",
        LocalizedText.of("亲子关系证明", "Parent-child proof"),
        List.of(
            FormSection.of(
                "notes",
                LocalizedText.of("家庭信息补充", "Family notes"),
                optional("familyNotes", "家庭信息补充说明", "Notes about the family", TEXTAREA).maxLength(500))),
        List.of(
            DocumentSlot.of("householdFirstPage", "户口本首页", "Household register, first page", DocumentSlot.IMAGES, 10 * MB, 1, true),
            DocumentSlot.of("childPage", "户口本学生本人页", "Household register, child's page", DocumentSlot.IMAGES, 10 * MB, 4, true),
            DocumentSlot.of("birthCertificate", "出生医学证明", "Birth medical certificate", DocumentSlot.IMAGES_OR_PDF, 10 * MB, 4, true),
            DocumentSlot.of("otherMaterial", "其他材料", "Other material", DocumentSlot.IMAGES_OR_PDF, 10 * MB, 5, false)));
  }

  private static FormStep submit() {
    return new FormStep(
        "submit",
        LocalizedText.of("提交登记", "Submit"),
        List.of(
            FormSection.of(
                "pledge",
                LocalizedText.of("信用承诺", "Credit pledge"),
                required("creditPledge", "本人承诺所填信息真实准确，如有虚假愿承担相应责任。",
                    "I pledge that the information is true and accurate and accept responsibility for any falsehood.",
                    BOOLEAN))),
        List.of());
  }
}
