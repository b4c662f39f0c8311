/** Hosts and paths of status badges: shields.io, badgen, Travis, CI workflow badges, codecov, awesome.re, … */
const badgeUrl =
  /(?:^|\/\/)(?:img\.shields\.io|shields\.io|badgen\.net|badge\.fury\.io|travis-ci\.(?:org|com)|api\.travis-ci|codecov\.io|coveralls\.io|circleci\.com|ci\.appveyor\.com|awesome\.re|forthebadge\.com|app\.netlify\.com|api\.codeclimate\.com|deepscan\.io|snyk\.io|gitter\.im|badges\.gitter\.im|discordapp\.com\/api\/guilds|img\.badgesize\.io|flat\.badgen\.net|sonarcloud\.io\/api)|\/badges?(?:\/|\.svg|$)|badge\.svg|[?&]style=(?:flat|for-the-badge|plastic|social)/i;

/** An image that is a status badge (build, version, licence, "Awesome"), not content. */
export function isBadge(url: string | null | undefined): boolean {
  return typeof url === 'string' && badgeUrl.test(url);
}
