import { cliCommandsFor } from './cli-commands';

describe('cliCommandsFor', () => {
  it("fills IBM's commands with the real namespace and Secret name", () => {
    const c = cliCommandsFor('ibm-ls-reporter', 'ibm-license-service-reporter-token');
    expect(c.linux).toBe(
      'oc get secret ibm-license-service-reporter-token -o jsonpath={.data.token} -n ibm-ls-reporter | base64 -d',
    );
    expect(c.macos).toBe(
      'oc get secret ibm-license-service-reporter-token -o jsonpath={.data.token} -n ibm-ls-reporter | base64 -D',
    );
    expect(c.windows).toBe(
      'oc get secret ibm-license-service-reporter-token -o jsonpath={.data.token} -n ibm-ls-reporter',
    );
    expect(c.powershell).toBe(
      "[System.Text.Encoding]::UTF8.GetString([System.Convert]::FromBase64String((oc get secret 'ibm-license-service-reporter-token' -o jsonpath='{.data.token}' -n 'ibm-ls-reporter')))",
    );
  });

  it('uses a custom Secret name', () => {
    const c = cliCommandsFor('ibm-licensing', 'my-lsr-token');
    for (const command of Object.values(c)) {
      expect(command).toContain('my-lsr-token');
      expect(command).toContain('ibm-licensing');
      expect(command).not.toContain('<');
    }
  });

  it('quotes names a shell would split', () => {
    expect(cliCommandsFor("we'ird ns", 'x').linux).toContain(`-n 'we'\\''ird ns'`);
    expect(cliCommandsFor("we'ird", 'x').powershell).toContain("-n 'we''ird'");
  });
});
