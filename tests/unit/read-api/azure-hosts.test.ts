import { describe, expect, it } from 'vitest';
import { AZURE_IMAGE_ANALYSIS_PATH, isAzureHost, isAzureReadUrl } from '../../../src/read-api/azure-hosts';
import { IMAGE_ANALYSIS_PATH } from '../../../src/read-api/paths';

describe('isAzureHost', () => {
  it.each(['my-resource.cognitiveservices.azure.com', 'westeurope.api.cognitive.microsoft.com', 'X1.CognitiveServices.Azure.com'])(
    'accepts %s',
    (host) => {
      expect(isAzureHost(host)).toBe(true);
    },
  );

  it.each([
    'cognitiveservices.azure.com',
    '.cognitiveservices.azure.com',
    'a.b.cognitiveservices.azure.com',
    'evil-cognitiveservices.azure.com',
    'my-resource.cognitiveservices.azure.com.evil.test',
    'api.cognitive.microsoft.com',
    '-bad.cognitiveservices.azure.com',
    'localhost',
  ])('refuses %s', (host) => {
    expect(isAzureHost(host)).toBe(false);
  });
});

describe('isAzureReadUrl', () => {
  it.each([
    'https://my-resource.cognitiveservices.azure.com/vision/v3.2/read/analyze',
    'https://my-resource.cognitiveservices.azure.com/vision/v3.2/read/analyze?language=en',
    'https://westus.api.cognitive.microsoft.com/vision/v3.2/read/analyzeResults/49a36324-fc4b-4387-aa06-090cfbf0064f',
    'https://my-resource.cognitiveservices.azure.com/computervision/imageanalysis:analyze?api-version=2024-02-01&features=read',
  ])('accepts %s', (url) => {
    expect(isAzureReadUrl(new URL(url))).toBe(true);
  });

  it.each([
    ['plain http', 'http://my-resource.cognitiveservices.azure.com/vision/v3.2/read/analyze'],
    ['another port', 'https://my-resource.cognitiveservices.azure.com:8443/vision/v3.2/read/analyze'],
    ['another Computer Vision operation', 'https://my-resource.cognitiveservices.azure.com/vision/v3.2/analyze'],
    ['another API version', 'https://my-resource.cognitiveservices.azure.com/vision/v3.1/read/analyze'],
    ['another host', 'https://example.test/vision/v3.2/read/analyze'],
    ['another Image Analysis path', 'https://my-resource.cognitiveservices.azure.com/computervision/retrieval:vectorizeImage'],
  ])('refuses %s', (_name, url) => {
    expect(isAzureReadUrl(new URL(url))).toBe(false);
  });
});

describe('AZURE_IMAGE_ANALYSIS_PATH', () => {
  it("is the API's own Image Analysis path", () => {
    expect(AZURE_IMAGE_ANALYSIS_PATH).toBe(IMAGE_ANALYSIS_PATH);
  });
});
