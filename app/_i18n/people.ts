// The words of the people-and-screens page (/people) and of the phone's "signed in as" header.
import type { Role } from "../../server/protocol/vocabularies";
import type { Lang } from "./dict";

type PeopleDict = {
  link: string;
  /** This page was opened on localhost and the server has no PUBLIC_URL: links would open nothing on a phone. */
  loopback: { title: string; fix: (port: string) => string };
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
  doors: {
    title: string;
    hint: string;
    building: string;
    make: (n: number) => string;
    confirm: (building: string, n: number) => string;
    none: string;
  };
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
    loopback: {
      title: "These sign-in links and QR cards will not open on phones: this page is opened as localhost, which means this laptop.",
      fix: (port) =>
        `Open this page at the laptop's address on the committee's network instead (for example http://192.168.1.20:${port}/people; \`ip addr\` or the Wi-Fi settings show it), or start Cordon with PUBLIC_URL set to the address phones use (see docs/deploy.md). Then make the links again.`,
    },
    link: "People & screens",
    title: "People and screens",
    back: "Back to the desk",
    loading: "Loading…",
    secretaryOnly: "This page is for the secretary only. Sign in with the secretary's link to hand out phones and screens.",
    failed: (why) => `Could not do that: ${why}`,
    roles: { volunteer: "Volunteer", display: "Wall display", secretary: "Secretary", street: "Street office", resident: "Household" },
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
    doors: {
      title: "Door labels",
      hint: "One label per household of a building: its building and room, and a QR code that opens /home, where the household asks for leave, medicine or supplies and sees the answer. New labels revoke the household's old ones.",
      building: "Building",
      make: (n) => `Make door labels (${n} households)`,
      confirm: (building, n) =>
        `Make ${n} new door labels for ${building}? Labels printed before for these households stop working within seconds.`,
      none: "No households registered: import the household list first.",
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
      resident: "Scan with your phone to ask the committee for leave, medicine or supplies, and to see its answer.",
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
    loopback: {
      title: "这些登录链接和二维码卡片在手机上打不开：本页是通过 localhost（即这台电脑本身）打开的。",
      fix: (port) =>
        `请改用这台电脑在居委会网络中的地址打开本页（例如 http://192.168.1.20:${port}/people；可在 \`ip addr\` 或 Wi-Fi 设置中查看），或启动 Cordon 时把 PUBLIC_URL 设为手机访问的地址（见 docs/deploy.md），然后重新生成链接。`,
    },
    link: "人员与屏幕",
    title: "人员与屏幕",
    back: "返回工作台",
    loading: "加载中…",
    secretaryOnly: "此页面仅限书记使用。请用书记的登录链接登录后再分发手机和屏幕的链接。",
    failed: (why) => `操作失败：${why}`,
    roles: { volunteer: "志愿者", display: "大屏", secretary: "书记", street: "街道", resident: "住户" },
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
    doors: {
      title: "门贴",
      hint: "为一栋楼的每户各打印一张：楼栋、房号，以及打开 /home 的二维码，住户可在其中申请外出、药品或物资并查看答复。重新打印会使该户原来的门贴失效。",
      building: "楼栋",
      make: (n) => `生成门贴（${n} 户）`,
      confirm: (building, n) => `为 ${building} 生成 ${n} 张新门贴？这些住户以前打印的门贴将在几秒内失效。`,
      none: "尚未登记住户：请先导入住户名单。",
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
      resident: "用手机扫码，向居委会申请外出、药品或物资，并查看答复。",
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
