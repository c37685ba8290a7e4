import type { AppResources } from '@fupin/ui';

export const AUTH_STRINGS: AppResources = {
  'zh-CN': {
    auth: {
      restoring: '正在恢复登录…',
      logout: '退出登录',
      login: {
        title: '登录管理后台',
        intro: '县、镇、村工作人员请用分配给您的账号登录。农户请到村爱心超市的自助终端刷卡。',
        username: '用户名',
        password: '密码',
        submit: '登录',
        usernameMissing: '请输入用户名',
        passwordMissing: '请输入密码',
        invalid: '用户名或密码不对。',
        attemptsLeft: '再输错 {{count}} 次，账户将被锁定 15 分钟。',
        locked: '密码输错次数太多，账户已被锁定，请 15 分钟后再试，或请管理员解锁。',
        lockedUntil: '密码输错次数太多，账户已被锁定到 {{time}}。请到时再试，或请管理员解锁。',
        disabled: '这个账户已停用。如有疑问，请联系县扶贫办。',
        household: '这是农户账号，只能在村爱心超市的自助终端使用。',
        failed: '登录没有成功，请再试一次。',
        expired: '登录已过期，请重新登录。',
        loggedOut: '您已退出登录。',
      },
      forbidden: {
        title: '没有权限',
        description: '您的账号（{{role}}）不能使用这个页面。如需使用，请联系县扶贫办管理员。',
        home: '回到工作台',
      },
      password: {
        title: '修改密码',
        current: '当前密码',
        next: '新密码',
        confirm: '再输一遍新密码',
        rules: '至少 10 位，须同时包含字母和数字，不能包含用户名。',
        submit: '修改密码',
        currentMissing: '请输入当前密码',
        mismatch: '两次输入的新密码不一样',
        changed: '密码已修改。其他设备上的登录已退出。',
        mustChange: '这是管理员为您设置的临时密码，请先修改密码再继续使用。',
        problem: {
          short: '新密码太短：至少 10 位',
          lettersAndDigits: '新密码须同时包含字母和数字',
          containsUsername: '新密码不能包含用户名',
        },
      },
    },
  },
  en: {
    auth: {
      restoring: 'Restoring your session…',
      logout: 'Sign out',
      login: {
        title: 'Sign in to the admin',
        intro:
          'County, town and village staff sign in with the account they were given. Villagers use the kiosk at the village love supermarket.',
        username: 'Username',
        password: 'Password',
        submit: 'Sign in',
        usernameMissing: 'Enter your username',
        passwordMissing: 'Enter your password',
        invalid: 'Wrong username or password.',
        attemptsLeft: ' {{count}} more wrong tries lock the account for 15 minutes.',
        locked:
          'Too many wrong passwords: the account is locked. Try again in 15 minutes or ask an administrator.',
        lockedUntil:
          'Too many wrong passwords: the account is locked until {{time}}. Try again then or ask an administrator.',
        disabled: 'This account is disabled. Please contact the county poverty office.',
        household: 'This is a household account: it works only at the village kiosk.',
        failed: 'Signing in did not work. Please try again.',
        expired: 'Your session has ended. Please sign in again.',
        loggedOut: 'You have signed out.',
      },
      forbidden: {
        title: 'Not allowed',
        description:
          'Your account ({{role}}) may not use this page. Ask the county poverty office if you need it.',
        home: 'Back to the dashboard',
      },
      password: {
        title: 'Change password',
        current: 'Current password',
        next: 'New password',
        confirm: 'New password again',
        rules: 'At least 10 characters, with letters and digits, not containing your username.',
        submit: 'Change password',
        currentMissing: 'Enter your current password',
        mismatch: 'The two new passwords differ',
        changed: 'Password changed. Sessions on other devices have ended.',
        mustChange: 'An administrator set a temporary password for you. Please change it first.',
        problem: {
          short: 'Too short: at least 10 characters',
          lettersAndDigits: 'Use letters and digits',
          containsUsername: 'It must not contain your username',
        },
      },
    },
  },
};
