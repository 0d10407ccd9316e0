package org.parkline.pricing;

class Placeholder {}
