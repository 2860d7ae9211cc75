/**
 * The answer to the install page opened in the portal's frame. Bitrix24 treats the
 * application as not installed (no events, the install page on every visit) until the
 * page calls BX24.installFinish() (docs: settings/app-installation/local-apps/
 * installation-master.md), so this page does only that. No data of the request is in it.
 */
export const installFinishPage = `<!doctype html>
<html lang="ru">
<head>
<meta charset="utf-8">
<title>AudioBot установлен</title>
<script src="//api.bitrix24.com/api/v1/"></script>
</head>
<body>
<p>AudioBot установлен. Первая синхронизация с порталом запущена.</p>
<script>
if (window.BX24) BX24.init(function () { BX24.installFinish(); });
</script>
</body>
</html>
`;
