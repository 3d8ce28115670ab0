// The words of the people-and-screens page (/people) and of the phone's "signed in as" header.
import type { Role } from "../../drizzle/schema/constants";
import type { Lang } from "./dict";

type PeopleDict = {
  link: string;
  title: string;
  back: string;
  loading: string;
  secretaryOnly: string;
  failed: (why: string) => string;
  roles: Record<Role, string>;
  volunteers: {
    title: string;
    empty: string;
    id: string;
    name: string;
    skills: string;
    duty: string;
    links: string;
    onDuty: (post: string) => string;
    offDuty: string;
    noLink: string;
    make: string;
    makeAll: (n: number) => string;
    allHave: string;
    making: (done: number, total: number) => string;
    history: string;
    historyTitle: (name: string) => string;
  };
  screens: { title: string; hint: string; label: string; wall: string; wallLabel: string; secretary: string; secretaryLabel: string };
  compounds: { title: string; hint: string; id: string; idHint: string; label: string; labelDefault: (id: string) => string; make: string };
  minted: {
    title: string;
    once: string;
    copy: string;
    copied: string;
    copyFailed: string;
    print: string;
    clear: string;
    qr: (name: string) => string;
  };
  signIns: {
    title: string;
    role: string;
    label: string;
    who: string;
    created: string;
    lastSeen: string;
    never: string;
    justNow: string;
    ago: (age: string) => string;
    revoked: string;
    revoke: string;
    confirm: (label: string) => string;
    seenHint: string;
  };
  /** Printed on every card in both languages: what the holder does with it. */
  card: Record<Role, string>;
  console: { signedInAs: string; unnamed: string; onDuty: (post: string) => string; offDuty: string; ownOnly: string };
};

export const PEOPLE: Record<Lang, PeopleDict> = {
  en: {
    link: "People & screens",
    title: "People and screens",
    back: "Back to the desk",
    loading: "Loading…",
    secretaryOnly: "This page is for the secretary only. Sign in with the secretary's link to hand out phones and screens.",
    failed: (why) => `Could not do that: ${why}`,
    roles: { volunteer: "Volunteer", display: "Wall display", secretary: "Secretary", street: "Street office" },
    volunteers: {
      title: "Volunteers",
      empty: "No volunteers registered yet: import the volunteer list first.",
      id: "ID",
      name: "Name",
      skills: "Skills",
      duty: "Duty",
      links: "Sign-in",
      onDuty: (post) => `on duty · ${post}`,
      offDuty: "off duty",
      noLink: "no link yet",
      make: "Make link",
      makeAll: (n) => `Links for all volunteers without one (${n})`,
      allHave: "Every volunteer has a link",
      making: (done, total) => `Making links: ${done} of ${total}…`,
      history: "history",
      historyTitle: (name) => `History of ${name}`,
    },
    screens: {
      title: "Screens and other secretaries",
      hint: "A wall display sees counts only, never names or phone numbers. A secretary's link can do everything.",
      label: "Label",
      wall: "Make a wall display link",
      wallLabel: "Wall display",
      secretary: "Make a secretary link",
      secretaryLabel: "Secretary's laptop",
    },
    minted: {
      title: "New sign-in links",
      once: "Each link is shown only this once: it is not stored anywhere readable. Copy it or print the cards now; if one is lost, revoke it and make a new one.",
      copy: "Copy",
      copied: "Copied",
      copyFailed: "Select the link and copy it by hand",
      print: "Print QR cards",
      clear: "Clear from screen",
      qr: (name) => `QR code of the sign-in link for ${name}`,
    },
    signIns: {
      title: "Sign-ins and when they were last seen",
      role: "Role",
      label: "Label",
      who: "Volunteer",
      created: "Made",
      lastSeen: "Last seen",
      never: "never",
      justNow: "just now",
      ago: (age) => `${age} ago`,
      revoked: "revoked",
      revoke: "Revoke",
      confirm: (label) => `Revoke "${label}"? The phone or screen using it is signed out within seconds.`,
      seenHint: "Last seen: the last request or sign-in, to the minute.",
    },
    compounds: {
      title: "Compounds (operator)",
      hint: "Open a compound on this deployment: its first secretary's sign-in link. That secretary then imports the registry and hands out the compound's own links.",
      id: "Compound id",
      idHint: "letters, digits, - _ . (e.g. lane-12)",
      label: "Label of the link",
      labelDefault: (id) => `first secretary of ${id}`,
      make: "Make the secretary's link",
    },
    card: {
      volunteer: "Scan with your phone to open the volunteer console. Keep it to yourself; if lost, tell the secretary.",
      display: "Open once in the wall display's browser; it stays signed in.",
      secretary: "Secretary only: opens the desk with all personal data.",
      street: "The street office's wall: every compound it watches, no personal data.",
    },
    console: {
      signedInAs: "Signed in as",
      unnamed: "a volunteer",
      onDuty: (post) => `on duty · ${post}`,
      offDuty: "off duty",
      ownOnly: "You check only yourself in and out.",
    },
  },
  "zh-CN": {
    link: "人员与屏幕",
    title: "人员与屏幕",
    back: "返回工作台",
    loading: "加载中…",
    secretaryOnly: "此页面仅限书记使用。请用书记的登录链接登录后再分发手机和屏幕的链接。",
    failed: (why) => `操作失败：${why}`,
    roles: { volunteer: "志愿者", display: "大屏", secretary: "书记", street: "街道" },
    volunteers: {
      title: "志愿者",
      empty: "尚未登记志愿者：请先导入志愿者名单。",
      id: "编号",
      name: "姓名",
      skills: "技能",
      duty: "在岗",
      links: "登录",
      onDuty: (post) => `在岗 · ${post}`,
      offDuty: "未在岗",
      noLink: "尚无链接",
      make: "生成链接",
      makeAll: (n) => `为所有尚无链接的志愿者生成（${n}）`,
      allHave: "每位志愿者都已有链接",
      making: (done, total) => `正在生成链接：${done} / ${total}…`,
      history: "记录",
      historyTitle: (name) => `${name} 的全部记录`,
    },
    screens: {
      title: "屏幕与其他书记",
      hint: "大屏只显示统计数字，从不显示姓名或电话。书记的链接拥有全部权限。",
      label: "名称",
      wall: "生成大屏链接",
      wallLabel: "大屏",
      secretary: "生成书记链接",
      secretaryLabel: "书记的电脑",
    },
    minted: {
      title: "新的登录链接",
      once: "每个链接只显示这一次，系统中不保存可读的副本。请现在复制或打印卡片；如有遗失，请撤销后重新生成。",
      copy: "复制",
      copied: "已复制",
      copyFailed: "请选中链接手动复制",
      print: "打印二维码卡片",
      clear: "从屏幕上清除",
      qr: (name) => `${name} 的登录链接二维码`,
    },
    signIns: {
      title: "登录凭证与最近使用时间",
      role: "角色",
      label: "名称",
      who: "志愿者",
      created: "生成时间",
      lastSeen: "最近使用",
      never: "从未",
      justNow: "刚刚",
      ago: (age) => `${age}前`,
      revoked: "已撤销",
      revoke: "撤销",
      confirm: (label) => `撤销“${label}”？使用它的手机或屏幕将在几秒内退出登录。`,
      seenHint: "最近使用：最后一次请求或登录的时间，精确到分钟。",
    },
    compounds: {
      title: "小区（管理员）",
      hint: "在本系统中开通一个小区：生成其第一位书记的登录链接。该书记随后导入登记表，并分发本小区的链接。",
      id: "小区编号",
      idHint: "字母、数字、- _ .（例如 lane-12）",
      label: "链接名称",
      labelDefault: (id) => `${id} 的第一位书记`,
      make: "生成书记登录链接",
    },
    card: {
      volunteer: "用手机扫码，打开志愿者工作台。请勿转给他人；如遗失请告知书记。",
      display: "在大屏的浏览器中打开一次即可，之后保持登录。",
      secretary: "仅限书记：打开工作台，可查看全部个人信息。",
      street: "街道大屏：所辖各小区的情况，不含个人信息。",
    },
    console: {
      signedInAs: "当前登录",
      unnamed: "志愿者",
      onDuty: (post) => `在岗 · ${post}`,
      offDuty: "未在岗",
      ownOnly: "您只能为自己签到和签退。",
    },
  },
};
